using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace OrchestrationBench;

/// <summary>
/// One bench AppHost process (<c>dotnet &lt;dll&gt; &lt;scenario&gt; …</c>, the benchmark's runtime selected for both
/// orchestrators). Its <c>BENCH-…</c> lines are queued for the driver; the rest of its output is kept as a tail for
/// error messages.
/// </summary>
internal sealed partial class AppHostRun : IDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly Queue<string> _tail = new();
    private readonly List<string> _received = [];

    private AppHostRun(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Receive(e.Data);
        process.ErrorDataReceived += (_, e) => Receive(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int ProcessId => _process.Id;

    public static AppHostRun Start(string dll, params string[] args)
    {
        var startInfo = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        startInfo.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        // DCP reads ASPIRE_CONTAINER_RUNTIME, the integration ASPIRE_APPLECONTAINER_RUNTIME; the bench AppHosts' own
        // inspect calls (tests/BenchAppHosts/Shared/ContainerInspect.cs) use the former's CLI.
        startInfo.Environment["ASPIRE_CONTAINER_RUNTIME"] = ContainerCli.Name;
        startInfo.Environment["ASPIRE_APPLECONTAINER_RUNTIME"] = ContainerCli.Name;
        return new AppHostRun(Process.Start(startInfo)!);
    }

    /// <summary>The next <c>BENCH-</c> line starting with <paramref name="prefix"/> (earlier lines stay available to <see cref="Lines"/>).</summary>
    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var line = await _lines.Reader.ReadAsync(limit.Token);
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            lock (_tail)
            {
                throw new InvalidOperationException($"The AppHost did not print {prefix} (exited: {_process.HasExited}). Its last output:\n{string.Join('\n', _tail)}");
            }
        }
    }

    /// <summary>Every <c>BENCH-</c> line starting with <paramref name="prefix"/> received so far.</summary>
    public List<string> Lines(string prefix)
    {
        lock (_received)
        {
            return _received.Where(line => line.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        }
    }

    /// <summary>Ctrl+C: SIGINT to the AppHost process alone.</summary>
    public void Interrupt()
    {
        if (Kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill(SIGINT) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

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

    /// <summary>A <c>key=value</c> field of a <c>BENCH-</c> line.</summary>
    public static double Field(string line, string key)
    {
        var token = line.Split(' ').Single(t => t.StartsWith(key + "=", StringComparison.Ordinal));
        return double.Parse(token[(key.Length + 1)..], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("BENCH-", StringComparison.Ordinal))
        {
            lock (_received)
            {
                _received.Add(line);
            }

            _lines.Writer.TryWrite(line);
        }

        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
