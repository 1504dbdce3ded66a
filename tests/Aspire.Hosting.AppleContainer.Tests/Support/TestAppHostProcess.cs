using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// tests/TestAppHosts/…TestAppHost as its own process on one <see cref="TestRuntime"/>. Started through <c>setsid</c>
/// when asked, so that it leads a process group of its own and a SIGINT to that group stands for a terminal's Ctrl+C
/// without reaching the test runner. Disposing kills whatever is left of it.
/// </summary>
internal sealed class TestAppHostProcess : IAsyncDisposable
{
    private const string AppHost = "Aspire.Hosting.AppleContainer.TestAppHost";
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private TestAppHostProcess(Process process) => _process = process;

    public static TestAppHostProcess Start(TestRuntime runtime, string prefix, bool newProcessGroup, int sessionContainers = 1, IReadOnlyDictionary<string, string>? environment = null)
    {
        var directory = AppContext.BaseDirectory;
        var startInfo = new ProcessStartInfo(newProcessGroup ? "setsid" : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var arguments = new List<string>
        {
            "exec",
            "--runtimeconfig", Path.Combine(directory, AppHost + ".runtimeconfig.json"),
            "--depsfile", Path.Combine(directory, AppHost + ".deps.json"),
            Path.Combine(directory, AppHost + ".dll"),
            prefix,
            prefix,
            sessionContainers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (newProcessGroup)
        {
            arguments.Insert(0, "dotnet");
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        runtime.Configure(startInfo.Environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var appHost = new TestAppHostProcess(process);
        process.OutputDataReceived += (_, line) => appHost.OnLine(line.Data);
        process.ErrorDataReceived += (_, line) => appHost.OnLine(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return appHost;
    }

    /// <summary>Every line the AppHost printed so far (stdout and stderr).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Waits for the marker printed once both containers run.</summary>
    public async Task WaitForRunningAsync(TimeSpan timeout)
    {
        var first = await Task.WhenAny(_running.Task, _process.WaitForExitAsync(), Task.Delay(timeout));
        if (first != _running.Task)
        {
            Assert.Fail($"The AppHost did not report its containers running (exited: {_process.HasExited}). Output:\n{string.Join('\n', _output)}");
        }
    }

    /// <summary>SIGKILL to the AppHost alone; waits for it to be gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: false);
        _process.WaitForExit();
    }

    /// <summary>SIGINT to the AppHost's whole process group, as a terminal's Ctrl+C.</summary>
    public void InterruptProcessGroup() => Assert.Equal(0, KillProcess(-_process.Id, SigInt));

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        if (line.Contains("ACTR-TESTAPPHOST-RUNNING", StringComparison.Ordinal))
        {
            _running.TrySetResult();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int KillProcess(int pid, int signal);
}
