using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Tells the crash watchdog, over the pipe it already watches, which CLI children run: <c>+&lt;pid&gt; &lt;start&gt;</c>
/// when one starts and <c>-&lt;pid&gt;</c> when it ends. If the AppHost dies, the watchdog ends the groups still listed,
/// so no log follow or observer outlives the AppHost. Lines are written by one background loop so a CLI start never
/// waits on the pipe.
/// </summary>
internal sealed class ChildProcessReport : IAsyncDisposable
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public ChildProcessReport(Process watchdog)
    {
        _writer = WriteAsync(watchdog.StandardInput);
        CliChildren.Started += OnStarted;
        CliChildren.Ended += OnEnded;
    }

    /// <summary>Stops reporting and lets the lines already queued reach the watchdog.</summary>
    public async ValueTask DisposeAsync()
    {
        CliChildren.Started -= OnStarted;
        CliChildren.Ended -= OnEnded;
        _lines.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    /// <summary>One <c>+pid start</c> or <c>-pid</c> line.</summary>
    public static string Format(bool started, ProcessIdentity child) => started
        ? string.Create(CultureInfo.InvariantCulture, $"+{child.ProcessId} {child.StartTime?.ToString(CultureInfo.InvariantCulture) ?? "-"}")
        : string.Create(CultureInfo.InvariantCulture, $"-{child.ProcessId}");

    private void OnStarted(ProcessIdentity child) => _lines.Writer.TryWrite(Format(started: true, child));

    private void OnEnded(ProcessIdentity child) => _lines.Writer.TryWrite(Format(started: false, child));

    private async Task WriteAsync(StreamWriter input)
    {
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await input.WriteLineAsync(line).ConfigureAwait(false);
                if (!_lines.Reader.TryPeek(out _))
                {
                    await input.FlushAsync().ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // The watchdog is gone; nothing is left to tell.
        }
    }
}
