namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// Container networks on a runtime with network aliases: create with labels, list by label, remove, the coded
/// failures, and containers on a network reaching each other by name and alias.
/// </summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ContainerNetworkContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>A created network is listed by its labels and is gone after removal; a second create of the name fails with name_in_use.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Network_create_list_and_remove_round_trip_labels_and_an_existing_name_is_name_in_use()
    {
        await using var scope = BeginTest();
        var name = scope.NewName();
        var marker = new Dictionary<string, string> { ["actr-contract.network-test"] = $"{name}=x" };
        scope.TrackNetwork(name);

        await Runtime.CreateNetworkAsync(new NetworkSpec(name) { Labels = scope.Labels(marker) });
        var again = await ThrowsBridgeAsync(() => Runtime.CreateNetworkAsync(new NetworkSpec(name)));
        var listed = await Runtime.ListNetworksAsync(marker);
        await Runtime.RemoveNetworkAsync(name);
        var afterRemoval = await Runtime.ListNetworksAsync(marker);
        var missing = await ThrowsBridgeAsync(() => Runtime.RemoveNetworkAsync(name));

        Assert.Equal(BridgeErrorCode.NameInUse, again.Code);
        var network = Assert.Single(listed);
        Assert.Equal(name, network.Name);
        Assert.Equal($"{name}=x", network.Labels["actr-contract.network-test"]);
        Assert.Empty(afterRemoval);
        Assert.Equal(BridgeErrorCode.NetworkNotFound, missing.Code);
    }

    /// <summary>Containers on a network reach each other by name and alias; the network cannot be removed while they are attached.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Containers_on_a_network_reach_each_other_by_alias_and_it_is_network_in_use_while_they_are_attached()
    {
        await using var scope = BeginTest();
        var network = scope.NewName();
        scope.TrackNetwork(network);
        await Runtime.CreateNetworkAsync(new NetworkSpec(network) { Labels = scope.Labels() });
        await scope.RunAsync(scope.ServiceSpec() with { Network = network, NetworkAliases = ["svc", "svc.dev.internal"] });
        var client = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]) with { Network = network });

        var byAlias = await EventuallyAsync(async () =>
            (await Runtime.ExecAsync(client, new ExecSpec { Command = ["sh", "-c", "wget -q -O - http://svc.dev.internal:8080/"] })).StandardOutput.Trim() == "actr-test-service",
            TimeSpan.FromSeconds(30));
        var inUse = await ThrowsBridgeAsync(() => Runtime.RemoveNetworkAsync(network));

        Assert.True(byAlias);
        Assert.Equal(BridgeErrorCode.NetworkInUse, inUse.Code);
    }
}
