using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;
using FakeCli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class ProcessRunnerCancellationTests
{
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 30_000)]
    public async Task Graceful_cancellation_lets_a_child_that_handles_SIGINT_exit_by_itself()
    {
        SignalPreconditions.AssertInterruptIsNotIgnored();
        var request = Fake.Request("signals", "handle", "say", "ready", "sleep", "60000") with { GracePeriod = TimeSpan.FromSeconds(15) };
        var run = await CancelWhenReadyAsync(request);

        Assert.Equal(run.Token, run.Error.CancellationToken);
        Assert.Equal(FakeCliProtocol.InterruptExitCode, run.Error.ExitCode);
        Assert.Contains(FakeCliProtocol.InterruptMarker, run.Error.StandardError);
        Assert.True(run.SinceCancel < TimeSpan.FromSeconds(10), $"The handled SIGINT took {run.SinceCancel}.");
        Assert.Equal([request.FileName, .. request.Arguments], run.Error.Arguments);
    }

    [Fact(Timeout = 30_000)]
    public async Task SIGTERM_is_sent_first_when_the_request_asks_for_it()
    {
        var request = Fake.Request("signals", "handle", "say", "ready", "sleep", "60000") with
        {
            CancelSignal = ProcessSignal.Terminate,
            GracePeriod = TimeSpan.FromSeconds(15),
        };
        var run = await CancelWhenReadyAsync(request);

        Assert.Equal(run.Token, run.Error.CancellationToken);
        Assert.Equal(FakeCliProtocol.TerminateExitCode, run.Error.ExitCode);
        Assert.Contains(FakeCliProtocol.TerminateMarker, run.Error.StandardError);
        Assert.DoesNotContain(FakeCliProtocol.InterruptMarker, run.Error.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task Forceful_cancellation_kills_a_child_that_ignores_SIGINT_after_the_grace_period()
    {
        SignalPreconditions.AssertInterruptIsNotIgnored();
        var grace = TimeSpan.FromSeconds(1);
        var request = Fake.Request("signals", "ignore", "say", "ready", "sleep", "60000") with { GracePeriod = grace };
        var run = await CancelWhenReadyAsync(request);

        Assert.Equal(run.Token, run.Error.CancellationToken);
        Assert.True(run.SinceCancel >= grace, $"The child was killed after {run.SinceCancel}, before its grace period.");
        Assert.True(run.SinceCancel < grace + TimeSpan.FromSeconds(8), $"Killing the child took {run.SinceCancel}.");
        Assert.Contains(FakeCliProtocol.IgnoredMarker, run.Error.StandardError);
        Assert.Equal(128 + 9, run.Error.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_kill_signal_request_skips_the_grace_period()
    {
        var request = Fake.Request("signals", "ignore", "say", "ready", "sleep", "60000") with
        {
            CancelSignal = ProcessSignal.Kill,
            GracePeriod = TimeSpan.FromSeconds(20),
        };
        var run = await CancelWhenReadyAsync(request);

        Assert.Equal(run.Token, run.Error.CancellationToken);
        Assert.True(run.SinceCancel < TimeSpan.FromSeconds(8), $"Killing the child took {run.SinceCancel}.");
        Assert.DoesNotContain(FakeCliProtocol.IgnoredMarker, run.Error.StandardError ?? string.Empty);
        Assert.Equal(128 + 9, run.Error.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_call_that_outlives_its_timeout_is_stopped_with_code_timeout()
    {
        var request = Fake.Request("err", "1", "sleep", "60000") with { Timeout = TimeSpan.FromMilliseconds(1500), GracePeriod = TimeSpan.FromSeconds(1) };
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<BridgeException>(() => _runner.RunAsync(request));

        Assert.Equal(BridgeErrorCode.Timeout, error.Code);
        Assert.Equal("err 1\n", error.StandardError);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"The timeout took {clock.Elapsed}.");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_call_canceled_by_its_caller_while_it_has_its_own_timeout_is_an_OperationCanceledException_with_the_callers_token()
    {
        var request = Fake.Request("say", "ready", "sleep", "60000") with { Timeout = TimeSpan.FromSeconds(20), GracePeriod = TimeSpan.FromSeconds(1) };

        var run = await CancelWhenReadyAsync(request);

        Assert.Equal(run.Token, run.Error.CancellationToken);
        Assert.Equal([request.FileName, .. request.Arguments], run.Error.Arguments);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_already_canceled_token_starts_no_process()
    {
        using var directory = new TempDirectory();
        var pidFile = directory.File("never.pid");
        var canceled = new CancellationToken(canceled: true);
        using var starts = ChildStartWatch.OnThisFlow();

        var error = await Assert.ThrowsAsync<OperationCanceledException>(() => _runner.RunAsync(Fake.Request("pids", pidFile), canceled));

        Assert.Equal(canceled, error.CancellationToken);
        Assert.Equal(0, starts.Started);
        Assert.False(File.Exists(pidFile));

        // The watch sees a start when there is one: the same request with a live token starts its process.
        await _runner.RunAsync(Fake.Request("pids", pidFile));
        Assert.Equal(1, starts.Started);
        Assert.True(File.Exists(pidFile));
    }

    private async Task<CanceledRun> CancelWhenReadyAsync(ProcessRequest request)
    {
        using var cancellation = new CancellationTokenSource();
        var lines = new List<string>();
        var clock = new Stopwatch();
        var error = await Assert.ThrowsAsync<ProcessCanceledException>(async () =>
        {
            await foreach (var item in _runner.StreamLinesAsync(request, cancellation.Token))
            {
                lines.Add(item.Line.Text);
                if (item.Line.Text == "ready")
                {
                    clock.Start();
                    cancellation.Cancel();
                }
            }
        });

        clock.Stop();
        return new CanceledRun(error, cancellation.Token, lines, clock.Elapsed);
    }

    /// <summary>A canceled call: the exception (an OperationCanceledException with the process's last words) and the token that fired.</summary>
    private sealed record CanceledRun(ProcessCanceledException Error, CancellationToken Token, List<string> Lines, TimeSpan SinceCancel);
}
