using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

public class StartStopRestartTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task A_started_container_shows_Running_with_its_id_image_and_address()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));

        harness.Initialize("web");

        var running = await harness.WaitForAsync("web", s => s.State?.Text == KnownResourceStates.Running && RunnerHarness.Property(s, "container.ip") is not null, "Running with its address");
        var container = Assert.Single(harness.Runtime.Containers);
        Assert.Equal(ContainerState.Running, container.State);
        Assert.Equal(container.Id, RunnerHarness.Property(running, "container.id"));
        Assert.Equal(container.Image, RunnerHarness.Property(running, "container.image"));
        Assert.Equal(container.IpAddress, RunnerHarness.Property(running, "container.ip"));
        Assert.Null(running.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Stop_shows_the_container_Exited_with_the_exit_code_it_stopped_with()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Runtime.StopExitCode = 143;
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);

        await RunnerHarness.BoundedAsync(runner.StopAsync(CancellationToken.None), "the stop");

        var stopped = harness.Current("web");
        Assert.Equal(KnownResourceStates.Exited, stopped.State?.Text);
        Assert.Equal(143, stopped.ExitCode);
        Assert.Equal(ContainerState.Exited, Assert.Single(harness.Runtime.Containers).State);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_container_that_exits_by_itself_shows_Exited_with_its_exit_code()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Initialize("web");
        var running = await harness.WaitForStateAsync("web", KnownResourceStates.Running);

        harness.Runtime.Exit((string)RunnerHarness.Property(running, "container.id")!, 3);

        var exited = await harness.WaitForStateAsync("web", KnownResourceStates.Exited);
        Assert.Equal(3, exited.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Restart_stops_the_container_and_then_starts_a_new_one()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        var first = (string)RunnerHarness.Property(await harness.WaitForStateAsync("web", KnownResourceStates.Running), "container.id")!;

        await RunnerHarness.BoundedAsync(runner.RestartAsync(CancellationToken.None), "the restart");

        var second = harness.Current("web");
        Assert.Equal(KnownResourceStates.Running, second.State?.Text);
        var container = Assert.Single(harness.Runtime.Containers);
        Assert.Equal(container.Id, RunnerHarness.Property(second, "container.id"));
        Assert.NotEqual(first, container.Id);
        Assert.Equal(ContainerState.Running, container.State);
        var calls = harness.Runtime.Journal.Calls;
        var stop = calls.Single(c => c.Operation == "stop" && c.Target == first);
        var start = calls.Single(c => c.Operation == "start" && c.Target == container.Id);
        Assert.True(stop.Sequence < start.Sequence, $"The new container started before the old one stopped:\n{harness.Runtime.Journal}");
        harness.Runtime.Journal.AssertLifecycleCallsSerialized();
    }
}
