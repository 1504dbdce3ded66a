using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Cleanup;

namespace Aspire.Hosting.AppleContainer.Tests.Cleanup;

/// <summary>The watchdog hears of a CLI child before the code that started it goes on, so a SIGKILL a moment later loses nothing.</summary>
public sealed class ChildProcessReportTests
{
    [Fact]
    public async Task A_started_child_is_on_the_watchdogs_pipe_before_the_start_returns()
    {
        // 'cat' stands in for the watchdog: it echoes what reaches its standard input.
        using var watchdog = Process.Start(new ProcessStartInfo("cat") { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        try
        {
            var report = new ChildProcessReport(watchdog);
            var child = new ProcessIdentity(987_654, 42);

            CliChildren.OnStarted(child);
            watchdog.StandardInput.BaseStream.Dispose(); // As a SIGKILL would: the pipe closes, nothing buffered or queued is sent.
            CliChildren.OnEnded(child); // Too late to be told, and no error for the code that reaped the child.
            await report.DisposeAsync();

            var lines = (await watchdog.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Contains("+987654 42", lines);
            Assert.DoesNotContain("-987654", lines);
        }
        finally
        {
            if (!watchdog.HasExited)
            {
                watchdog.Kill();
            }
        }
    }
}
