namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Listing by label, with label values passed and returned un-encoded.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ContainerListContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>A label value containing '=' filters and comes back unchanged.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task List_by_label_round_trips_values_containing_equals()
    {
        await using var scope = BeginTest();
        var value = $"{Guid.NewGuid():N}=a=b";
        var marker = new Dictionary<string, string> { ["actr-contract.list-test"] = value };
        var tagged = scope.ServiceSpec() with { Labels = scope.Labels(marker) };
        await scope.CreateAsync(tagged);
        await scope.CreateAsync(scope.ServiceSpec() with { Labels = scope.Labels(new Dictionary<string, string> { ["actr-contract.list-test"] = "other" }) });

        var listed = await Runtime.ListContainersAsync(marker);

        var container = Assert.Single(listed);
        Assert.Equal(tagged.Name, container.Name);
        Assert.Equal(value, container.Labels["actr-contract.list-test"]);
    }

    /// <summary>Listing needs every label: the session label alone lists both, the pair only one; stopped ones too.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task List_returns_running_and_stopped_containers_carrying_every_label()
    {
        await using var scope = BeginTest();
        var group = new Dictionary<string, string> { ["actr-contract.group"] = scope.NewName() };
        var running = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]) with { Labels = scope.Labels(group) });
        var exited = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["EXIT_CODE"] = "0" }) with { Labels = scope.Labels(group) });
        await Runtime.WaitForExitAsync(exited);

        var both = await Runtime.ListContainersAsync(group);
        var narrowed = await Runtime.ListContainersAsync(new Dictionary<string, string>(group) { ["actr-contract.absent"] = "x" });

        Assert.Equal(2, both.Count);
        Assert.Contains(both, c => c.State == ContainerState.Running);
        Assert.Contains(both, c => c.State == ContainerState.Exited);
        Assert.Empty(narrowed);
        _ = running;
    }
}
