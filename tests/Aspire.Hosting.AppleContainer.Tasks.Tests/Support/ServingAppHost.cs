using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// The built fixture AppHost run as an Aspire AppHost (<c>ACTR_SERVE_PORT</c>, see tests/TaskFixtures/ImagesAppHost):
/// dashboard, OTLP and resource-service URLs on free loopback ports, podman as the runtime. It serves the alpha
/// image's /app folder on <see cref="Port"/>. Disposing sends SIGINT, as Ctrl+C does, so the integration removes its
/// container; it kills the AppHost only if it does not exit in time (the integration's watchdog then removes it).
/// </summary>
internal sealed class ServingAppHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServingAppHost(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>The loopback port the alpha container is published on.</summary>
    public int Port { get; }

    /// <summary>Everything the AppHost printed so far.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    public static ServingAppHost Start(string appHostDll)
    {
        var port = FreePort();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(appHostDll)!,
        };
        startInfo.ArgumentList.Add(appHostDll);
        startInfo.Environment["ACTR_SERVE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        startInfo.Environment["ASPIRE_APPLECONTAINER_RUNTIME"] = "podman";
        startInfo.Environment.Remove("ASPIRE_APPLECONTAINER_CLI");

        var process = new Process { StartInfo = startInfo };
        var appHost = new ServingAppHost(process, port);
        process.OutputDataReceived += (_, line) => appHost.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => appHost.OnLine(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appHost;
    }

    /// <summary>
    /// GETs <paramref name="path"/> from the container until it answers <paramref name="expected"/>, the AppHost exits,
    /// or <paramref name="timeout"/> passes; returns the last answer (or error) seen.
    /// </summary>
    public async Task<string> WaitForAnswerAsync(string path, string expected, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer yet";
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                last = await http.GetStringAsync(new Uri($"http://127.0.0.1:{Port}{path}"));
                if (last == expected)
                {
                    return last;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return last;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, SigInt);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private const int SigInt = 2;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);
}
