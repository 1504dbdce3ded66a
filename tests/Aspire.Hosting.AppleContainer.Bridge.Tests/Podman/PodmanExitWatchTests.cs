using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>
/// Exit detection on real podman: concurrent waits share one <c>podman events</c> process (no per-container
/// <c>podman wait</c>, which polls every 250 ms), report each container's own exit code, and stop the stream after
/// the last wait. The runtime under test runs podman through a symlink of its own, so only its processes are counted.
/// </summary>
public sealed class PodmanExitWatchTests(PodmanFixture fixture) : RuntimeContract<PodmanFixture>(fixture)
{
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Concurrent_exit_waits_share_one_events_process_and_report_each_exit_code()
    {
        await using var scope = BeginTest();
        var directory = Path.Combine(Path.GetTempPath(), $"{Fixture.NamePrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        scope.TrackPath(directory);
        var podman = Path.Combine(directory, "podman");
        File.CreateSymbolicLink(podman, Fixture.PodmanPath.Contains('/') ? Fixture.PodmanPath : "/usr/bin/podman");
        var runtime = new OciContainerRuntime("podman", podman);

        var ids = new List<string>();
        foreach (var (seconds, code) in new[] { (2, 3), (3, 4), (4, 5) })
        {
            ids.Add(await scope.RunAsync(scope.ServiceSpec(args: ["sh", "-c", $"sleep {seconds}; exit {code}"])));
        }

        var waits = ids.Select(id => runtime.WaitForExitAsync(id)).ToList();
        var oneStream = await EventuallyAsync(() => Task.FromResult(PodmanChildProcesses.Count(podman, "events") == 1), TimeSpan.FromSeconds(5));
        var waitProcesses = PodmanChildProcesses.Count(podman, "wait");
        var exits = await Task.WhenAll(waits);
        var streamStopped = await EventuallyAsync(() => Task.FromResult(PodmanChildProcesses.Count(podman, "events") == 0), TimeSpan.FromSeconds(5));

        Assert.True(oneStream, "Three concurrent waits should share exactly one `podman events` process.");
        Assert.Equal(0, waitProcesses);
        Assert.Equal([3, 4, 5], exits.Select(exit => exit.ExitCode));
        Assert.All(exits, exit => Assert.NotNull(exit.FinishedAt));
        Assert.True(streamStopped, "The events process should stop once nobody waits.");
    }

    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_wait_on_a_container_that_already_exited_returns_its_exit_code_at_once()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(environment: new Dictionary<string, string> { ["EXIT_CODE"] = "9" }));
        await Runtime.WaitForExitAsync(id);

        var again = await Runtime.WaitForExitAsync(id).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(9, again.ExitCode);
    }

    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_wait_by_name_or_short_id_sees_the_death_event_of_the_full_id()
    {
        await using var scope = BeginTest();
        var byName = scope.ServiceSpec(args: ["sh", "-c", "sleep 2; exit 6"]);
        var byShortId = scope.ServiceSpec(args: ["sh", "-c", "sleep 2; exit 7"]);
        await scope.RunAsync(byName);
        var shortId = (await scope.RunAsync(byShortId))[..12];

        var exits = await Task.WhenAll(Runtime.WaitForExitAsync(byName.Name), Runtime.WaitForExitAsync(shortId)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([6, 7], exits.Select(exit => exit.ExitCode));
        Assert.All(exits, exit => Assert.NotNull(exit.FinishedAt));
    }
}
