using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>Many containers started at once.</summary>
public abstract class ConcurrencyTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const int Count = 20;

    // Ceilings, not targets: Apple's runtime boots and stops only a few VMs at a time (and the emulator runs a CLI
    // process per call), so starting or stopping twenty takes over a minute there on two busy cores.
    private static readonly TimeSpan AllStarted = TimeSpan.FromSeconds(210);
    private static readonly TimeSpan AllStopped = TimeSpan.FromSeconds(180);

    [RuntimeFact(Timeout = 420_000)]
    public async Task Twenty_containers_started_at_once_all_run_with_distinct_names_and_host_ports_and_answer()
    {
        await using var test = ReliabilityApp.Create(runtime);
        test.StopTimeout = AllStopped;
        var suffixes = Enumerable.Range(0, Count).Select(i => $"c{i}").ToList();
        foreach (var suffix in suffixes)
        {
            test.AddService(suffix).WithHttpEndpoint(targetPort: 8080);
        }

        await test.StartAsync();
        var running = await Task.WhenAll(suffixes.Select(s => test.WaitForAsync(
            s, e => e.Snapshot.State?.Text == KnownResourceStates.Running || e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, AllStarted)));

        Assert.All(running, e => Assert.True(e.Snapshot.State?.Text == KnownResourceStates.Running, $"{e.Resource.Name}: {ReliabilityApp.Error(e)}"));

        var containers = await test.ListContainersAsync();
        Assert.Equal(Count, containers.Count);
        Assert.Equal(Count, containers.Select(c => c.Name).Distinct().Count());
        Assert.All(containers, c => Assert.Equal(Bridge.ContainerState.Running, c.State));
        var hostPorts = containers.SelectMany(c => c.Ports).Select(p => p.HostPort).ToList();
        Assert.Equal(Count, hostPorts.Count);
        Assert.Equal(Count, hostPorts.Distinct().Count());
        Assert.Equal(Count, running.Select(ReliabilityApp.ContainerId).Distinct().Count());
        using var client = new HttpClient();
        var answers = await Task.WhenAll(suffixes.Select(s => client.GetStringAsync(test.App!.GetEndpoint(test.Name(s), "http"))));
        Assert.All(answers, body => Assert.Equal("actr-test-service", body.Trim()));
    }
}
