namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>
/// Container networks (<c>container network create|list|delete</c>, macOS 26 or newer: NetworkCreate.swift,
/// NetworkList.swift, NetworkDelete.swift@1.2.2). Apple's DNS answers only a container's own hostname (its id, in the
/// configured DNS domain) on any network, never an alias (ContainerDNSHandler.swift, AttachmentConfiguration.swift@1.2.2).
/// </content>
internal sealed partial class AppleContainerRuntime
{
    /// <inheritdoc />
    public async Task CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateNetworkName(spec.Name);
        await _invoker.RunAsync(AppleArguments.NetworkCreate(spec), "create the network", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var result = await _invoker.RunAsync(AppleArguments.NetworkList(), "list networks", cancellationToken).ConfigureAwait(false);
        var networks = AppleNetworkParser.List(result.StandardOutput);
        if (labels is null || labels.Count == 0)
        {
            return networks;
        }

        var wanted = labels.Select(l => (Key: LabelCodec.NormalizeKey(l.Key), l.Value)).ToList();
        return [.. networks.Where(n => wanted.All(w => n.Labels.TryGetValue(w.Key, out var value) && value == w.Value))];
    }

    /// <inheritdoc />
    public async Task RemoveNetworkAsync(string name, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateNetworkName(name);
        await _invoker.RunAsync(AppleArguments.NetworkDelete(name), "remove the network", cancellationToken).ConfigureAwait(false);
    }
}
