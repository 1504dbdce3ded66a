using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

/// <summary>The runtime goes away (its service stopped): every call fails with the coded runtime-unavailable error.</summary>
public class RuntimeGoneTests
{
    private const string Image = "localhost/actr-test/service";

    private static string Unavailable => DiagnosticCatalog.ForCode(BridgeErrorCode.RuntimeNotRunning).Id;

    [Fact(Timeout = 30_000)]
    public async Task A_runtime_that_goes_away_mid_run_shows_the_resource_Exited_with_the_coded_diagnostic_and_shutdown_completes()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Initialize("web");
        var id = (string)RunnerHarness.Property(await harness.WaitForStateAsync("web", KnownResourceStates.Running), "container.id")!;
        await harness.Runtime.WatchedAsync(id);

        harness.Runtime.GoAway();

        var exited = await harness.WaitForStateAsync("web", KnownResourceStates.Exited);
        Assert.Null(exited.ExitCode);
        Assert.StartsWith(Unavailable, RunnerHarness.Error(exited));
        await RunnerHarness.BoundedAsync(harness.Orchestrator.ShutdownAsync(), "the shutdown");
    }

    [Fact(Timeout = 30_000)]
    public async Task Commands_after_the_runtime_went_away_show_FailedToStart_with_the_coded_diagnostic_and_throw_nothing()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        var id = (string)RunnerHarness.Property(await harness.WaitForStateAsync("web", KnownResourceStates.Running), "container.id")!;
        await harness.Runtime.WatchedAsync(id);
        harness.Runtime.GoAway();
        await harness.WaitForStateAsync("web", KnownResourceStates.Exited);

        await RunnerHarness.BoundedAsync(runner.RestartAsync(CancellationToken.None), "the restart");
        var failed = harness.Current("web");
        Assert.Equal(KnownResourceStates.FailedToStart, failed.State?.Text);
        Assert.StartsWith(Unavailable, RunnerHarness.Error(failed));
        await RunnerHarness.BoundedAsync(runner.StopAsync(CancellationToken.None), "the stop");
        await RunnerHarness.BoundedAsync(harness.Orchestrator.ShutdownAsync(), "the shutdown");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_runtime_that_goes_away_during_a_stop_ends_the_stop_with_the_resource_Exited_and_the_coded_diagnostic()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        var stopGate = harness.Runtime.Hold("stop");
        var stop = runner.StopAsync(CancellationToken.None);
        await stopGate.ReachedAsync();

        harness.Runtime.GoAway();
        stopGate.Release();
        await RunnerHarness.BoundedAsync(stop, "the stop");

        var exited = harness.Current("web");
        Assert.Equal(KnownResourceStates.Exited, exited.State?.Text);
        Assert.StartsWith(Unavailable, RunnerHarness.Error(exited));
        await RunnerHarness.BoundedAsync(harness.Orchestrator.ShutdownAsync(), "the shutdown");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_runtime_that_goes_away_before_the_first_start_shows_FailedToStart_with_the_coded_diagnostic()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Runtime.GoAway();

        harness.Initialize("web");

        var failed = await harness.WaitForStateAsync("web", KnownResourceStates.FailedToStart);
        Assert.StartsWith(Unavailable, RunnerHarness.Error(failed));
        await RunnerHarness.BoundedAsync(harness.Orchestrator.ShutdownAsync(), "the shutdown");
    }
}
