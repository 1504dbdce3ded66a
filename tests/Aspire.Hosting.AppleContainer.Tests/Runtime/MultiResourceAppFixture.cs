using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>
/// One application shared by <see cref="MultiResourceAppTests"/>: an HTTP service with a health check, a web
/// container that waits for it and gets its URL, a host listener bound to 127.0.0.1 (python's http.server run by
/// DCP) and a secret; a container exiting with 3, a job and a container that waits for its completion.
/// </summary>
public sealed class MultiResourceAppFixture : IAsyncLifetime
{
    public const string Secret = "engd-s3cret-VALUE-7f3a";
    public const string HostListenerContent = "engd-host-listener-ok";
    private readonly DirectoryInfo _hostListenerRoot = Directory.CreateTempSubdirectory("engd-host-");

    internal PodmanTestApp Test { get; } = PodmanTestApp.Create();

    public async Task InitializeAsync()
    {
        if (!PodmanFactAttribute.IsInstalled)
        {
            return;
        }

        await File.WriteAllTextAsync(Path.Combine(_hostListenerRoot.FullName, "index.html"), HostListenerContent);
        var builder = Test.Builder;
        builder.Configuration[$"Parameters:{Test.Name("secret")}"] = Secret;
        var secret = builder.AddParameter(Test.Name("secret"), secret: true);
        var hostPort = FreeLoopbackPort();
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
        await Test.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Test.DisposeAsync();
        _hostListenerRoot.Delete(recursive: true);
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
