using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>
/// The sample AppHost as its own process, the way <c>dotnet run</c> starts it, on one <see cref="TestRuntime"/> (its
/// settings in the environment): dashboard, OTLP and resource-service URLs on free loopback ports, the local images
/// (no registry), a volume of its own. <see cref="StopAsync"/> sends
/// SIGINT (Ctrl+C); disposing kills whatever is left.
/// </summary>
internal sealed partial class SampleAppHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<string> _loginUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SampleAppHost(Process process, string volumeName)
    {
        _process = process;
        VolumeName = volumeName;
    }

    /// <summary>The AppHost's process id (the owner label of its containers starts with it).</summary>
    public int ProcessId => _process.Id;

    /// <summary>The Redis volume this run uses.</summary>
    public string VolumeName { get; }

    /// <summary>Everything the AppHost printed so far.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>Starts the AppHost built next to the tests (see the project file).</summary>
    public static SampleAppHost Start(TestRuntime runtime, string runId)
    {
        var path = Metadata("SampleAppHostPath") ?? throw new InvalidOperationException("The test assembly does not name the sample AppHost.");
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(path)!,
        };
        startInfo.ArgumentList.Add(path);
        var volumeName = $"{runId}-redis-data";
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Development";
        startInfo.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}";
        startInfo.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        startInfo.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = $"http://127.0.0.1:{FreePort.Next()}";
        startInfo.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        startInfo.Environment["SampleImages__Redis"] = "localhost/actr-test/redis:7.0";
        startInfo.Environment["SampleVolumes__Redis"] = volumeName;
        // Only the runtime's own settings: a CLI path inherited from this process must not override its PATH lookup.
        startInfo.Environment.Remove(Bridge.RuntimeSelectionOptions.ExecutablePathVariable);
        runtime.Configure(startInfo.Environment);
        if (Metadata("SampleArtifactsPath") is { Length: > 0 } artifactsPath)
        {
            startInfo.Environment["ArtifactsPath"] = artifactsPath;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var appHost = new SampleAppHost(process, volumeName);
        process.OutputDataReceived += (_, line) => appHost.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => appHost.OnLine(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appHost;
    }

    /// <summary>The dashboard's login URL (with its browser token), once the AppHost printed it.</summary>
    public async Task<string> WaitForLoginUrlAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_loginUrl.Task, exited, Task.Delay(timeout));
        return first == _loginUrl.Task
            ? await _loginUrl.Task
            : throw new TimeoutException($"The AppHost printed no dashboard login URL (exited: {_process.HasExited}). Output:\n{Output}");
    }

    /// <summary>
    /// Sends SIGINT, as Ctrl+C does (SIGTERM, the same graceful shutdown, when SIGINT is ignored, as it is for a
    /// background job), and waits for the AppHost to exit; true when it exited in time.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return true;
        }

        _ = Kill(_process.Id, SignalDisposition.IsIgnored(SigInt) ? SigTerm : SigInt);
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string? Metadata(string key) => typeof(SampleAppHost).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().LastOrDefault(attribute => attribute.Key == key)?.Value;

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (LoginUrlPattern().Match(line) is { Success: true } match)
        {
            _loginUrl.TrySetResult(match.Value);
        }
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    [GeneratedRegex(@"https?://\S+/login\?t=[0-9a-fA-F]+")]
    private static partial Regex LoginUrlPattern();
}
