using System.Diagnostics;
using System.Reflection;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// The bench AppHost (tests/BenchAppHosts, on this integration) run as its own process on one <see cref="TestRuntime"/>
/// in its <c>hold</c> scenario: <c>session</c> session and <c>persistent</c> persistent service containers labelled
/// <c>engh.run=&lt;prefix&gt;</c>.
/// </summary>
internal sealed class BenchAppHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private BenchAppHostProcess(Process process) => _process = process;

    /// <summary>The container id of each resource, once <see cref="WaitUntilRunningAsync"/> returned.</summary>
    public Dictionary<string, string> Containers { get; } = new(StringComparer.Ordinal);

    public static BenchAppHostProcess Start(TestRuntime runtime, string prefix, int session, int persistent)
    {
        var dll = typeof(BenchAppHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BenchAppHostPath").Value!;
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "hold", prefix, session.ToString(System.Globalization.CultureInfo.InvariantCulture), persistent.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }

        // Only the runtime's own settings: a CLI path inherited from this process must not override its PATH lookup.
        startInfo.Environment.Remove(Bridge.RuntimeSelectionOptions.ExecutablePathVariable);
        runtime.Configure(startInfo.Environment);
        var process = Process.Start(startInfo)!;
        var host = new BenchAppHostProcess(process);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Reads the AppHost's output until it reports every container Running.</summary>
    public async Task WaitUntilRunningAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (await _process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            Keep(line);
            if (line.StartsWith("BENCH-CONTAINER ", StringComparison.Ordinal) && line.Split(' ') is [_, var resource, var id])
            {
                Containers[resource] = id;
            }
            else if (line.StartsWith("BENCH-RUNNING", StringComparison.Ordinal))
            {
                _ = DrainAsync();
                return;
            }
        }

        lock (_output)
        {
            Assert.Fail($"The AppHost ended (exit code {_process.ExitCode}) before its containers ran:\n{string.Join('\n', _output.TakeLast(30))}");
        }
    }

    /// <summary>SIGKILL to the AppHost alone: no shutdown code of it runs (its watchdog lives on).</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task DrainAsync()
    {
        while (await _process.StandardOutput.ReadLineAsync() is { } line)
        {
            Keep(line);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }
}
