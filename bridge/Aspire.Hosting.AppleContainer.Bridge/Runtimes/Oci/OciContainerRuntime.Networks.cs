namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Container networks (bridge networks; podman's netavark with aardvark-dns and docker's embedded DNS resolve containers by name and alias on them).</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public async Task CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateNetworkName(spec.Name);

        // An existing name fails on both (podman: "network already exists"; docker's CLI asks its daemon to check
        // duplicates: "network with name x already exists"), which the classifier reads as name_in_use.
        await _invoker.RunAsync(_arguments.CreateNetwork(spec), "create the network", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NetworkInfo>> ListNetworksAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var encoded = LabelCodec.Encode(labels ?? new Dictionary<string, string>());
        var list = await _invoker.RunAsync(_arguments.ListNetworkNames(encoded), "list networks", cancellationToken).ConfigureAwait(false);
        var networks = new List<NetworkInfo>();
        foreach (var name in Lines(list.StandardOutput).Distinct(StringComparer.Ordinal))
        {
            // One by one: a network removed between the list and the inspect is skipped.
            var arguments = _arguments.InspectNetworks([name]);
            var one = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
            if (one.ExitCode == 0)
            {
                networks.AddRange(OciNetworkParser.Parse(one.StandardOutput, Name));
            }
            else if (Fail(arguments, one, "inspect the network") is { Code: not BridgeErrorCode.NetworkNotFound } error)
            {
                throw error;
            }
        }

        return networks;
    }

    /// <inheritdoc />
    public Task RemoveNetworkAsync(string name, CancellationToken cancellationToken = default) =>
        _invoker.RunAsync(_arguments.RemoveNetwork(name), "remove the network", cancellationToken);
}
