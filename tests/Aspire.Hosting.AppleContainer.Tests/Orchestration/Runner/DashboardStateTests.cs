using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

/// <summary>What the dashboard sees: the resource's states, in order, through Aspire's ResourceNotificationService.</summary>
public class DashboardStateTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task The_dashboard_sees_Starting_Running_Stopping_and_Exited_in_that_order()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        using var limit = new CancellationTokenSource(RunnerHarness.Bound);
        var states = WatchStatesAsync(harness.Notifications, "web", KnownResourceStates.Exited, limit.Token);
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);

        await RunnerHarness.BoundedAsync(runner.StopAsync(CancellationToken.None), "the stop");

        Assert.Equal(
            [KnownResourceStates.Starting, KnownResourceStates.Running, KnownResourceStates.Stopping, KnownResourceStates.Exited],
            await RunnerHarness.BoundedAsync(states, "the Exited state"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_restart_shows_Stopping_Exited_Starting_and_Running_again()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image));
        var runner = harness.Initialize("web");
        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        using var limit = new CancellationTokenSource(RunnerHarness.Bound);
        var states = WatchStatesAsync(harness.Notifications, "web", KnownResourceStates.Running, limit.Token, skipCurrent: true);

        await RunnerHarness.BoundedAsync(runner.RestartAsync(CancellationToken.None), "the restart");

        Assert.Equal(
            [KnownResourceStates.Stopping, KnownResourceStates.Exited, KnownResourceStates.Starting, KnownResourceStates.Running],
            await RunnerHarness.BoundedAsync(states, "Running again"));
    }

    /// <summary>The resource's states as published from now on, consecutive repeats folded, until <paramref name="last"/>.</summary>
    private static Task<List<string>> WatchStatesAsync(ResourceNotificationService notifications, string name, string last, CancellationToken cancellationToken, bool skipCurrent = false)
    {
        var current = skipCurrent && notifications.TryGetCurrentState(name, out var now) ? now.Snapshot.State?.Text : null;
        var events = notifications.WatchAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
        var first = events.MoveNextAsync(); // subscribes before the caller goes on
        return CollectAsync(events, first);

        async Task<List<string>> CollectAsync(IAsyncEnumerator<ResourceEvent> events, ValueTask<bool> next)
        {
            var states = new List<string>();
            while (await next)
            {
                var state = events.Current.Resource.Name == name ? events.Current.Snapshot.State?.Text : null;
                if (state is not null && state != (states.Count > 0 ? states[^1] : current))
                {
                    states.Add(state);
                    if (state == last && (states.Count > 1 || !skipCurrent))
                    {
                        break;
                    }
                }

                next = events.MoveNextAsync();
            }

            await events.DisposeAsync();
            return states;
        }
    }
}
