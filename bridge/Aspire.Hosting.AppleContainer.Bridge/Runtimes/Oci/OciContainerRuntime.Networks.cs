namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Container networks (bridge networks; podman's netavark with aardvark-dns and docker's embedded DNS resolve containers by name and alias on them).</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public async Task CreateNetworkAsync(NetworkSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateNetworkName(spec.Name);
        if (_flavor == OciFlavor.Docker)
        {
            // docker creates a second network of the same name (names are not unique there); the contract says name_in_use.
            var existing = await _invoker.RunUncheckedAsync(_arguments.InspectNetworks([spec.Name]), cancellationToken).ConfigureAwait(false);
            if (existing.ExitCode == 0)
            {
                throw new BridgeException(BridgeErrorCode.NameInUse, $"The network '{spec.Name}' already exists.") { Runtime = Name };
            }
        }

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
