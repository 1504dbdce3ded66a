using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

public class LostExitTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task An_exit_the_wait_loses_still_shows_as_Exited_with_its_exit_code()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Initialize("web");
        var id = (string)RunnerHarness.Property(await harness.WaitForStateAsync("web", KnownResourceStates.Running), "container.id")!;
        await harness.Runtime.WatchedAsync(id);

        harness.Runtime.LoseExit(id, 3);

        var exited = await harness.WaitForStateAsync("web", KnownResourceStates.Exited);
        Assert.Equal(3, exited.ExitCode);
        Assert.Null(RunnerHarness.Error(exited));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_wait_that_fails_while_the_container_still_runs_keeps_it_Running_and_sees_the_later_exit()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        harness.Initialize("web");
        var id = (string)RunnerHarness.Property(await harness.WaitForStateAsync("web", KnownResourceStates.Running), "container.id")!;
        await harness.Runtime.WatchedAsync(id);

        harness.Runtime.BreakWait(id);
        await harness.Runtime.WatchedAsync(id);

        Assert.Equal(KnownResourceStates.Running, harness.Current("web").State?.Text);
        harness.Runtime.Exit(id, 0);
        var exited = await harness.WaitForStateAsync("web", KnownResourceStates.Exited);
        Assert.Equal(0, exited.ExitCode);
    }
}
