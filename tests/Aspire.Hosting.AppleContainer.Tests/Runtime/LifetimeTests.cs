using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>Persistent containers across AppHost runs: reuse, recreation on change, and a container that lives on between runs.</summary>
public abstract class LifetimeTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string ResourceLabel = "io.aspire.applecontainer.resource";

    [RuntimeFact(Timeout = 300_000)]
    public async Task A_persistent_container_that_refers_to_a_session_container_survives_two_runs_and_is_recreated_when_its_configuration_changes_while_session_ones_go()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        try
        {
            var (first, volumesWhileRunning) = await RunOnceAsync(prefix, mode: "a");
            var afterFirstRun = await RuntimeTestApp.ListLabelledAsync(runtime, prefix);
            var volumesAfterFirstRun = await (await runtime.BridgeAsync()).ListVolumesAsync(new Dictionary<string, string> { [RuntimeTestApp.TestLabel] = prefix });

            var (second, _) = await RunOnceAsync(prefix, mode: "a");
            var (third, _) = await RunOnceAsync(prefix, mode: "b");
            var afterThirdRun = await RuntimeTestApp.ListLabelledAsync(runtime, prefix);

            Assert.DoesNotContain(afterFirstRun, c => c.Labels.GetValueOrDefault(ResourceLabel) == $"{prefix}-scratch");
            Assert.Single(volumesWhileRunning);
            Assert.Empty(volumesAfterFirstRun); // the session container's anonymous volume went with it
            // A container is the same one when its id and creation time are (Apple's ids are its names, kept on recreation).
            Assert.Contains(afterFirstRun, c => c.Id == first.Id);
            Assert.Equal(first, second);
            Assert.NotEqual(first, third);
            Assert.Equal(third.Id, Assert.Single(afterThirdRun).Id);
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
        }
    }

    [RuntimeFact(Timeout = 300_000)]
    public async Task A_persistent_container_keeps_logging_after_its_AppHost_ends_and_the_next_AppHost_reattaches_to_its_logs_and_exit_without_restarting_it()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        try
        {
            // First run: the ticker starts, logs, and is left running when the AppHost stops.
            string id;
            DateTimeOffset? startedAt;
            await using (var first = StartTicker(prefix))
            {
                await first.StartAsync();
                var running = await first.WaitForStateAsync("ticker", KnownResourceStates.Running);
                id = LabelledTestApp.ContainerId(running);
                await WaitForTicksAsync(id, 3);
                startedAt = (await (await runtime.BridgeAsync()).InspectContainerAsync(id)).StartedAt;
                await first.StopAppAsync();
            }

            // Between runs: nothing of the first AppHost follows the container, and its log goes on growing.
            Assert.Empty(FollowersOf(id));
            var ticksAfterExit = await CountTicksAsync(id);
            await WaitForTicksAsync(id, ticksAfterExit + 5);

            // Second run: the same container, not restarted; its new lines reach the resource, and so does its end.
            await using var second = StartTicker(prefix);
            await second.StartAsync();
            var again = await second.WaitForStateAsync("ticker", KnownResourceStates.Running);
            Assert.Equal(id, LabelledTestApp.ContainerId(again));
            Assert.Equal(startedAt, (await (await runtime.BridgeAsync()).InspectContainerAsync(id)).StartedAt);

            var beyond = await CountTicksAsync(id) + 2;
            await WaitForResourceLogAsync(second, "ticker", $"tick {beyond}");
            await (await runtime.BridgeAsync()).KillContainerAsync(id);
            var exited = await second.WaitForStateAsync("ticker", KnownResourceStates.Exited, TimeSpan.FromSeconds(60));
            if (runtime.ReportsPersistentExitCodes)
            {
                Assert.Equal(137, exited.Snapshot.ExitCode);
            }
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
        }
    }

    private RuntimeTestApp StartTicker(string prefix)
    {
        var test = RuntimeTestApp.Create(runtime, prefix);
        test.RemoveContainersOnDispose = false;
        test.AddService("ticker")
            .WithEntrypoint("/bin/sh")
            .WithArgs("-c", "i=0; while true; do i=$((i+1)); echo \"tick $i\"; sleep 0.2; done")
            .WithLifetime(ContainerLifetime.Persistent);
        return test;
    }

    /// <summary>Runs the app until both containers run, stops it like Ctrl+C; returns the persistent container's id and the volumes seen while running.</summary>
    private async Task<((string Id, DateTimeOffset? CreatedAt) Container, IReadOnlyList<VolumeInfo> Volumes)> RunOnceAsync(string prefix, string mode)
    {
        await using var test = RuntimeTestApp.Create(runtime, prefix);
        test.RemoveContainersOnDispose = false; // the caller removes them, after its assertions
        var scratch = test.AddService("scratch").WithArgs("sleep", "300").WithVolume("/scratch").WithHttpEndpoint(targetPort: 8080, name: "http");
        // The session container's port is chosen anew each run; the persistent one must still see the same address.
        test.AddService("db").WithArgs("sleep", "300").WithEnvironment("MODE", mode).WithEnvironment("SCRATCH_URL", scratch.GetEndpoint("http"))
            .WithLifetime(ContainerLifetime.Persistent);
        await test.StartAsync();
        var db = await test.WaitForStateAsync("db", KnownResourceStates.Running);
        await test.WaitForStateAsync("scratch", KnownResourceStates.Running);
        var bridge = await runtime.BridgeAsync();
        var volumes = await bridge.ListVolumesAsync(new Dictionary<string, string> { [RuntimeTestApp.TestLabel] = prefix });
        var container = await bridge.InspectContainerAsync(LabelledTestApp.ContainerId(db));
        await test.StopAppAsync();
        return ((container.Id, container.CreatedAt), volumes);
    }

    private async Task<int> CountTicksAsync(string id)
    {
        var count = 0;
        await foreach (var line in (await runtime.BridgeAsync()).GetLogsAsync(id, follow: false))
        {
            count += line.Text.StartsWith("tick ", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    private async Task WaitForTicksAsync(string id, int ticks)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        int seen;
        while ((seen = await CountTicksAsync(id)) < ticks)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The log of {id} stopped growing at {seen} ticks (waited for {ticks}).");
            await Task.Delay(200);
        }
    }

    private static async Task WaitForResourceLogAsync(RuntimeTestApp test, string suffix, string text)
    {
        var loggers = test.App!.Services.GetRequiredService<ResourceLoggerService>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var batch in loggers.WatchAsync(test.Name(suffix)).WithCancellation(limit.Token))
        {
            if (batch.Any(line => line.Content.TrimEnd().EndsWith(text, StringComparison.Ordinal)))
            {
                return;
            }
        }
    }

    /// <summary>CLI processes still attached to or following the container's output (<c>start --attach</c>, <c>logs --follow</c>, <c>logs -f</c>).</summary>
    private static List<string> FollowersOf(string id) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(directory => TryRead(Path.Combine(directory, "cmdline")).Split('\0', StringSplitOptions.RemoveEmptyEntries))
            .Where(argv => argv.Contains(id) && (argv.Contains("--attach") || argv.Contains("--follow") || argv.Contains("-f")))
            .Select(argv => string.Join(' ', argv))];

    private static string TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
