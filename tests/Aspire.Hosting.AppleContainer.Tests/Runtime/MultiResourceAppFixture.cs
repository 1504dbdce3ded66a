using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// One application shared by <see cref="MultiResourceAppTests{TRuntime}"/>: an HTTP service with a health check, a web
/// container that waits for it and gets its URL, a host listener bound to 127.0.0.1 (python's http.server run by
/// DCP) and a secret; a container exiting with 3, a job and a container that waits for its completion, and one that
/// prints 100,000 lines and exits.
/// </summary>
public sealed class MultiResourceAppFixture<TRuntime> : IAsyncLifetime
    where TRuntime : TestRuntime, new()
{
    public const string Secret = "engd-s3cret-VALUE-7f3a";
    public const string HostListenerContent = "engd-host-listener-ok";
    public const int BurstLines = 100_000;
    public const long LimitedMemoryBytes = 256L * 1024 * 1024;
    private readonly DirectoryInfo _hostListenerRoot = Directory.CreateTempSubdirectory("engd-host-");

    public MultiResourceAppFixture()
    {
        Test = RuntimeTestApp.Create(Runtime);
    }

    public TRuntime Runtime { get; } = new();

    internal RuntimeTestApp Test { get; }

    /// <summary>
    /// Every log line of the <c>burst</c> resource, collected from before it started: Aspire keeps only the last 10,000
    /// lines of a resource for a later reader (ResourceLoggerService.MaxLogCount).
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<LogLine> BurstLog { get; } = new();

    /// <summary>The host listener's URL, answering once <see cref="InitializeAsync"/> is done.</summary>
    public Uri? HostListener { get; private set; }

    public async Task InitializeAsync()
    {
        if (RuntimeAvailability.SkipReasonForTestClass(typeof(TRuntime)) is not null)
        {
            return;
        }

        await Runtime.InitializeAsync();
        await File.WriteAllTextAsync(Path.Combine(_hostListenerRoot.FullName, "index.html"), HostListenerContent);
        var builder = Test.Builder;
        builder.Configuration[$"Parameters:{Test.Name("secret")}"] = Secret;
        var secret = builder.AddParameter(Test.Name("secret"), secret: true);
        var hostPort = FreeLoopbackPort();
        HostListener = new Uri($"http://127.0.0.1:{hostPort}/");
        var host = builder.AddExecutable(Test.Name("host"), "python3", _hostListenerRoot.FullName, "-m", "http.server", "--bind", "127.0.0.1", hostPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHttpEndpoint(port: hostPort, targetPort: hostPort, isProxied: false);

        var api = Test.AddService("api").WithHttpEndpoint(targetPort: 8080).WithHttpHealthCheck("/");
        Test.AddService("web").WithHttpEndpoint(targetPort: 8080)
            .WithEnvironment("API_URL", api.GetEndpoint("http"))
            .WithEnvironment("HOST_URL", host.GetEndpoint("http"))
            .WithEnvironment("SECRET_VALUE", secret)
            .WaitFor(api);
        Test.AddService("exit3").WithEnvironment("EXIT_CODE", "3");
        var job = Test.AddService("job").WithArgs("sleep", "2");
        Test.AddService("after").WithArgs("sleep", "300").WaitForCompletion(job);
        Test.AddService("restartable").WithArgs("sleep", "300");
        Test.AddService("limited").WithArgs("sleep", "300").WithCpus(1).WithMemory(LimitedMemoryBytes).WithInit();
        Test.AddService("burst").WithEnvironment("PRINT_LINES", BurstLines.ToString(System.Globalization.CultureInfo.InvariantCulture)).WithEnvironment("EXIT_CODE", "0");
        await Test.StartAsync(app => _ = CollectAsync(app.Services.GetRequiredService<ResourceLoggerService>(), Test.Name("burst")));
        await WaitUntilAnsweringAsync(HostListener);
    }

    public async Task DisposeAsync()
    {
        await Test.DisposeAsync();
        await Runtime.DisposeAsync();
        _hostListenerRoot.Delete(recursive: true);
    }

    private async Task CollectAsync(ResourceLoggerService loggers, string resource)
    {
        try
        {
            await foreach (var batch in loggers.WatchAsync(resource))
            {
                foreach (var line in batch)
                {
                    BurstLog.Enqueue(line);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The application stopped.
        }
    }

    private static async Task WaitUntilAnsweringAsync(Uri url)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            try
            {
                (await client.GetAsync(url, limit.Token)).EnsureSuccessStatusCode();
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, limit.Token);
            }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
