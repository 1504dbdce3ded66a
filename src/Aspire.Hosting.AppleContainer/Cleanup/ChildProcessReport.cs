using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Tells the crash watchdog, over the pipe it already watches, which CLI children run: <c>+&lt;pid&gt; &lt;start&gt;</c>
/// when one starts and <c>-&lt;pid&gt;</c> when it ends. If the AppHost dies, the watchdog ends the groups still listed,
/// so no log follow or observer outlives the AppHost. Each line is written and flushed on the thread that started or
/// reaped the child, before that thread goes on: a line queued for later would be lost if the AppHost were killed in
/// between, and the child it names would outlive it. A line is far smaller than the pipe's buffer, which the watchdog
/// drains as it comes, so the write does not wait.
/// </summary>
internal sealed class ChildProcessReport : IAsyncDisposable
{
    private readonly object _gate = new();
    private StreamWriter? _input;

    public ChildProcessReport(Process watchdog)
    {
        _input = watchdog.StandardInput;
        CliChildren.Started += OnStarted;
        CliChildren.Ended += OnEnded;
    }

    /// <summary>Stops reporting; every line was already written.</summary>
    public ValueTask DisposeAsync()
    {
        CliChildren.Started -= OnStarted;
        CliChildren.Ended -= OnEnded;
        lock (_gate)
        {
            _input = null;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>One <c>+pid start</c> or <c>-pid</c> line.</summary>
    public static string Format(bool started, ProcessIdentity child) => started
        ? string.Create(CultureInfo.InvariantCulture, $"+{child.ProcessId} {child.StartTime?.ToString(CultureInfo.InvariantCulture) ?? "-"}")
        : string.Create(CultureInfo.InvariantCulture, $"-{child.ProcessId}");

    private void OnStarted(ProcessIdentity child) => Write(Format(started: true, child));

    private void OnEnded(ProcessIdentity child) => Write(Format(started: false, child));

    private void Write(string line)
    {
        lock (_gate)
        {
            if (_input is not { } input)
            {
                return;
            }

            try
            {
                input.WriteLine(line);
                input.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException)
            {
                _input = null; // The watchdog is gone; nothing is left to tell.
            }
        }
    }
}
