using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

[Collection(PodmanCollection.Name)]
public class LifetimeTests
{
    private const string ResourceLabel = "io.aspire.applecontainer.resource";

    [PodmanFact(Timeout = 300_000)]
    public async Task A_persistent_container_that_refers_to_a_session_container_survives_two_runs_and_is_recreated_when_its_configuration_changes_while_session_ones_go()
    {
        var prefix = "engd-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var (first, volumesWhileRunning) = await RunOnceAsync(prefix, mode: "a");
            var afterFirstRun = await ListAsync(prefix);
            var volumesAfterFirstRun = await (await PodmanTestApp.Runtime.Value).ListVolumesAsync(new Dictionary<string, string> { [PodmanTestApp.TestLabel] = prefix });

            var (second, _) = await RunOnceAsync(prefix, mode: "a");
            var (third, _) = await RunOnceAsync(prefix, mode: "b");
            var afterThirdRun = await ListAsync(prefix);

            Assert.DoesNotContain(afterFirstRun, c => c.Labels.GetValueOrDefault(ResourceLabel) == $"{prefix}-scratch");
            Assert.Single(volumesWhileRunning);
            Assert.Empty(volumesAfterFirstRun); // the session container's anonymous volume went with it
            Assert.Contains(afterFirstRun, c => c.Id == first);
            Assert.Equal(first, second);
            Assert.NotEqual(first, third);
            Assert.Equal(third, Assert.Single(afterThirdRun).Id);
        }
        finally
        {
            await PodmanTestApp.RemoveLabelledAsync(prefix);
        }
    }

    /// <summary>Runs the app until both containers run, stops it like Ctrl+C; returns the persistent container's id and the volumes seen while running.</summary>
    private static async Task<(string Id, IReadOnlyList<Bridge.VolumeInfo> Volumes)> RunOnceAsync(string prefix, string mode)
    {
        await using var test = PodmanTestApp.Create(prefix);
        test.RemoveContainersOnDispose = false; // the caller removes them, after its assertions
        var scratch = test.AddService("scratch").WithArgs("sleep", "300").WithVolume("/scratch").WithHttpEndpoint(targetPort: 8080, name: "http");
        // The session container's port is chosen anew each run; the persistent one must still see the same address.
        test.AddService("db").WithArgs("sleep", "300").WithEnvironment("MODE", mode).WithEnvironment("SCRATCH_URL", scratch.GetEndpoint("http"))
            .WithLifetime(ContainerLifetime.Persistent);
        await test.StartAsync();
        var db = await test.WaitForStateAsync("db", KnownResourceStates.Running);
        await test.WaitForStateAsync("scratch", KnownResourceStates.Running);
        var volumes = await (await PodmanTestApp.Runtime.Value).ListVolumesAsync(new Dictionary<string, string> { [PodmanTestApp.TestLabel] = prefix });
        await test.StopAppAsync();
        return (PodmanTestApp.ContainerId(db), volumes);
    }

    private static async Task<IReadOnlyList<Bridge.ContainerInfo>> ListAsync(string prefix) =>
        await (await PodmanTestApp.Runtime.Value).ListContainersAsync(new Dictionary<string, string> { [PodmanTestApp.TestLabel] = prefix });
}
