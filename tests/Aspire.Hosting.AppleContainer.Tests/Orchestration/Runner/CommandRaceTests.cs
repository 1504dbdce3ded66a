using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

public class CommandRaceTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task A_stop_raced_with_a_restart_runs_after_it_and_leaves_the_container_stopped()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        var firstStop = harness.Runtime.Hold("stop");

        var restart = runner.RestartAsync(CancellationToken.None);
        await firstStop.ReachedAsync();
        var stop = runner.StopAsync(CancellationToken.None);
        firstStop.Release();
        await RunnerHarness.BoundedAsync(Task.WhenAll(restart, stop), "the restart and the stop");

        AssertConsistent(harness);
        Assert.Equal(KnownResourceStates.Exited, harness.Current("web").State?.Text);
        Assert.Equal(2, harness.Runtime.Journal.Of("stop").Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task Many_concurrent_start_stop_and_restart_commands_end_consistent_with_every_lifecycle_call_serialized()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        var random = new Random(13);
        var commands = new List<Func<Task>>();
        for (var i = 0; i < 24; i++)
        {
            commands.Add(random.Next(3) switch
            {
                0 => () => runner.StartAsync(CancellationToken.None),
                1 => () => runner.StopAsync(CancellationToken.None),
                _ => () => runner.RestartAsync(CancellationToken.None),
            });
        }

        await RunnerHarness.BoundedAsync(Task.WhenAll(commands.Select(Task.Run)), "the commands");

        AssertConsistent(harness);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_container_that_exits_by_itself_while_its_stop_is_in_flight_shows_Exited_with_its_own_exit_code()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Runtime.StopExitCode = 143;
        var runner = harness.Initialize("web");
        var id = (string)RunnerHarness.Property(await harness.WaitForStateAsync("web", KnownResourceStates.Running), "container.id")!;
        var stopGate = harness.Runtime.Hold("stop");
        var stop = runner.StopAsync(CancellationToken.None);
        await stopGate.ReachedAsync();

        harness.Runtime.Exit(id, 3);
        await harness.WaitForStateAsync("web", KnownResourceStates.Exited);
        stopGate.Release();
        await RunnerHarness.BoundedAsync(stop, "the stop");

        var exited = harness.Current("web");
        Assert.Equal(KnownResourceStates.Exited, exited.State?.Text);
        Assert.Equal(3, exited.ExitCode);
        AssertConsistent(harness);
    }

    /// <summary>
    /// The dashboard shows what the runtime has: Running with the one running container's id, or Exited with none
    /// running; no lifecycle calls overlapped on a container.
    /// </summary>
    private static void AssertConsistent(RunnerHarness harness)
    {
        harness.Runtime.Journal.AssertLifecycleCallsSerialized();
        var snapshot = harness.Current("web");
        var running = harness.Runtime.Containers.Where(c => c.State == ContainerState.Running).ToList();
        if (snapshot.State?.Text == KnownResourceStates.Running)
        {
            Assert.Equal(RunnerHarness.Property(snapshot, "container.id"), Assert.Single(running).Id);
        }
        else
        {
            Assert.Equal(KnownResourceStates.Exited, snapshot.State?.Text);
            Assert.Empty(running);
        }

        Assert.True(harness.Runtime.Containers.Count <= 1, $"Containers left behind:\n{harness.Runtime.Journal}");
        Assert.All(harness.Runtime.Containers, c => Assert.Equal(ContainerLabels.SessionLifetime, c.Labels[ContainerLabels.Lifetime]));
    }
}
