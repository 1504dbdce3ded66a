using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

public class StopWhileStartingTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task A_stop_requested_while_the_start_is_in_flight_leaves_the_container_stopped_and_starts_nothing_more()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var run = harness.Runtime.Hold("run");
        var runner = harness.Initialize("web");
        await run.ReachedAsync();

        var stop = runner.StopAsync(CancellationToken.None);
        Assert.False(stop.IsCompleted, "The stop did not wait for the start it was requested during.");
        run.Release();
        await RunnerHarness.BoundedAsync(stop, "the stop");

        Assert.Equal(KnownResourceStates.Exited, harness.Current("web").State?.Text);
        Assert.DoesNotContain(harness.Runtime.Containers, c => c.State == ContainerState.Running);
        Assert.Single(harness.Runtime.Journal.Of("run"));
        Assert.Empty(harness.Runtime.Journal.Of("start"));
        harness.Runtime.Journal.AssertLifecycleCallsSerialized();
    }

    [Fact(Timeout = 30_000)]
    public async Task Shutting_down_while_the_first_start_is_in_flight_leaves_no_container_and_completes()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var run = harness.Runtime.Hold("run");
        harness.Initialize("web");
        await run.ReachedAsync();

        await RunnerHarness.BoundedAsync(harness.Orchestrator.ShutdownAsync(), "the shutdown");

        Assert.Empty(harness.Runtime.Containers);
    }

    [Fact(Timeout = 30_000)]
    public async Task Shutting_down_while_a_restart_starts_the_new_container_removes_it()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        var start = harness.Runtime.Hold("start");
        var restart = runner.RestartAsync(CancellationToken.None);
        await start.ReachedAsync();

        await RunnerHarness.BoundedAsync(harness.Orchestrator.ShutdownAsync(), "the shutdown");
        start.Release();
        await Record.ExceptionAsync(() => RunnerHarness.BoundedAsync(restart, "the restart"));

        Assert.Empty(harness.Runtime.Containers);
    }
}
