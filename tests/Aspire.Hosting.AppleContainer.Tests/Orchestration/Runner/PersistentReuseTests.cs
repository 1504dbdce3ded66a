using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Orchestration.Runner;

/// <summary>
/// A persistent container outlives its AppHost; the next AppHost reuses it when the configuration hash label the
/// product stamped on it matches the one it computes now, and otherwise replaces it.
/// </summary>
public class PersistentReuseTests
{
    private const string Image = "localhost/actr-test/service";

    [Fact(Timeout = 30_000)]
    public async Task A_running_persistent_container_with_an_unchanged_configuration_is_reused_without_a_create()
    {
        var runtime = new ScriptedRuntime();
        var first = await RunOnceAsync(runtime, "1");
        var journaled = runtime.Journal.Entries.Count;

        await using var harness = RunnerHarness.Create(b => Database(b, "1"), runtime);
        harness.Initialize("db");
        var running = await harness.WaitForStateAsync("db", KnownResourceStates.Running);

        Assert.Equal(first.Id, RunnerHarness.Property(running, "container.id"));
        Assert.Equal(first.Id, Assert.Single(runtime.Containers).Id);
        var calls = runtime.Journal.Entries.Skip(journaled).Select(c => c.Operation).ToList();
        Assert.DoesNotContain("create", calls);
        Assert.DoesNotContain("run", calls);
        Assert.DoesNotContain("remove", calls);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_stopped_persistent_container_with_an_unchanged_configuration_is_started_again()
    {
        var runtime = new ScriptedRuntime();
        var first = await RunOnceAsync(runtime, "1");
        runtime.Exit(first.Id, 0);

        await using var harness = RunnerHarness.Create(b => Database(b, "1"), runtime);
        harness.Initialize("db");
        var running = await harness.WaitForStateAsync("db", KnownResourceStates.Running);

        Assert.Equal(first.Id, RunnerHarness.Property(running, "container.id"));
        Assert.Equal(ContainerState.Running, runtime.Container(first.Id).State);
        Assert.Single(runtime.Journal.Of("create"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_persistent_container_whose_configuration_changed_is_removed_and_recreated()
    {
        var runtime = new ScriptedRuntime();
        var first = await RunOnceAsync(runtime, "1");

        await using var harness = RunnerHarness.Create(b => Database(b, "2"), runtime);
        harness.Initialize("db");
        var running = await harness.WaitForStateAsync("db", KnownResourceStates.Running);

        var second = Assert.Single(runtime.Containers);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(second.Id, RunnerHarness.Property(running, "container.id"));
        Assert.NotEqual(first.Labels[ContainerLabels.ConfigHash], second.Labels[ContainerLabels.ConfigHash]);
        var remove = runtime.Journal.Calls.Single(c => c.Operation == "remove" && c.Target == first.Id);
        Assert.True(remove.Sequence < runtime.Journal.Of("create").Last().Sequence, $"Created before removing the old one:\n{runtime.Journal}");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_persistent_container_whose_image_was_rebuilt_under_the_same_reference_is_recreated()
    {
        var runtime = new ScriptedRuntime();
        var first = await RunOnceAsync(runtime, "1");
        runtime.Rebuild(Image + ":latest", "sha256:rebuilt");
        runtime.Rebuild(Image, "sha256:rebuilt");

        await using var harness = RunnerHarness.Create(b => Database(b, "1"), runtime);
        harness.Initialize("db");
        await harness.WaitForStateAsync("db", KnownResourceStates.Running);

        var second = Assert.Single(runtime.Containers);
        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.Labels[ContainerLabels.ConfigHash], second.Labels[ContainerLabels.ConfigHash]);
    }

    private static void Database(IDistributedApplicationBuilder builder, string setting) =>
        builder.AddAppleContainer("db", Image).WithLifetime(ContainerLifetime.Persistent).WithEnvironment("SETTING", setting);

    /// <summary>Runs the persistent resource in one AppHost that then shuts down; returns its container, still running.</summary>
    private static async Task<ContainerInfo> RunOnceAsync(ScriptedRuntime runtime, string setting)
    {
        await using (var harness = RunnerHarness.Create(b => Database(b, setting), runtime))
        {
            harness.Initialize("db");
            await harness.WaitForStateAsync("db", KnownResourceStates.Running);
        }

        var container = Assert.Single(runtime.Containers);
        Assert.Equal(ContainerState.Running, container.State);
        return container;
    }
}
