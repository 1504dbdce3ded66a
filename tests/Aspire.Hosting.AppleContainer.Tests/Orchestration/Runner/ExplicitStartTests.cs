using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

/// <summary><c>WithExplicitStart()</c>: not started with the AppHost, NotStarted until the start command, as under DCP.</summary>
public class ExplicitStartTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task An_explicit_start_resource_shows_NotStarted_without_a_runtime_call_until_the_start_command_runs_it()
    {
        await using var harness = RunnerHarness.Create(b => b.AddAppleContainer("web", Image).WithExplicitStart());

        var runner = harness.Initialize("web");

        await harness.WaitForStateAsync("web", KnownResourceStates.NotStarted);
        Assert.Empty(harness.Runtime.Journal.Calls);
        Assert.Equal(ResourceCommandState.Enabled, LifecycleCommands.StartState(KnownResourceStates.NotStarted));

        await RunnerHarness.BoundedAsync(runner.StartOrStopWaitingAsync(CancellationToken.None), "the start command");

        Assert.Equal(KnownResourceStates.Running, harness.Current("web").State?.Text);
        Assert.Equal(ContainerState.Running, Assert.Single(harness.Runtime.Containers).State);
        Assert.Single(harness.Runtime.Journal.Of("run"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_resource_that_waits_for_an_explicit_start_resource_waits_until_the_start_command_runs_it()
    {
        await using var harness = RunnerHarness.Create(b =>
        {
            var db = b.AddAppleContainer("db", Image).WithExplicitStart();
            var web = b.AddAppleContainer("web", Image).WaitForStart(db);

            // What Aspire's ApplicationOrchestrator does with BeforeResourceStartedEvent (the harness runs no orchestrator).
            b.Eventing.Subscribe<BeforeResourceStartedEvent>(web.Resource, (e, ct) =>
                e.Services.GetRequiredService<ResourceNotificationService>().WaitForDependenciesAsync(e.Resource, ct));
        });

        var db = harness.Initialize("db");
        harness.Initialize("web");

        await harness.WaitForStateAsync("db", KnownResourceStates.NotStarted);
        await harness.WaitForStateAsync("web", KnownResourceStates.Waiting);
        Assert.Empty(harness.Runtime.Journal.Of("run"));

        await RunnerHarness.BoundedAsync(db.StartOrStopWaitingAsync(CancellationToken.None), "the start command");

        await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        Assert.Equal(["db", "web"], harness.Runtime.Journal.Of("run").Select(c => harness.Runtime.Container(c.Target).Labels[ContainerLabels.Resource]));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_resource_waiting_for_its_dependencies_has_announced_its_endpoints_so_its_URLs_show_while_it_waits()
    {
        await using var harness = RunnerHarness.Create(b =>
        {
            var db = b.AddAppleContainer("db", Image).WithExplicitStart();
            var web = b.AddAppleContainer("web", Image).WithHttpEndpoint(targetPort: 8080, name: "http").WaitForStart(db);
            b.Eventing.Subscribe<BeforeResourceStartedEvent>(web.Resource, (e, ct) =>
                e.Services.GetRequiredService<ResourceNotificationService>().WaitForDependenciesAsync(e.Resource, ct));

            // What Aspire's ApplicationOrchestrator does with ResourceEndpointsAllocatedEvent: publish the URLs, inactive.
            b.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(web.Resource, (e, ct) =>
                e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(e.Resource, s => s with
                {
                    Urls = [new UrlSnapshot("http", ((IResourceWithEndpoints)e.Resource).GetEndpoint("http").Url, IsInternal: false) { IsInactive = true }],
                }));
        });

        var db = harness.Initialize("db");
        harness.Initialize("web");

        var waiting = await harness.WaitForStateAsync("web", KnownResourceStates.Waiting);
        Assert.True(Assert.Single(waiting.Urls).IsInactive);
        await RunnerHarness.BoundedAsync(db.StartOrStopWaitingAsync(CancellationToken.None), "the start command");
        var running = await harness.WaitForStateAsync("web", KnownResourceStates.Running);
        Assert.False(Assert.Single(running.Urls).IsInactive);
    }
}
