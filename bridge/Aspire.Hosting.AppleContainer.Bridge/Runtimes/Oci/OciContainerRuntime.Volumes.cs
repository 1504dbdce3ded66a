namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Named volumes.</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public async Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateVolumeName(spec.Name);
        if (_flavor == OciFlavor.Docker)
        {
            // docker's `volume create` succeeds silently for an existing name; the contract says name_in_use.
            var existing = await _invoker.RunUncheckedAsync(_arguments.InspectVolumes([spec.Name]), cancellationToken).ConfigureAwait(false);
            if (existing.ExitCode == 0)
            {
                throw new BridgeException(BridgeErrorCode.NameInUse, $"The volume '{spec.Name}' already exists.") { Runtime = Name };
            }
        }

        await _invoker.RunAsync(_arguments.CreateVolume(spec), "create the volume", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var encoded = LabelCodec.Encode(labels ?? new Dictionary<string, string>());
        var list = await _invoker.RunAsync(_arguments.ListVolumeNames(encoded), "list volumes", cancellationToken).ConfigureAwait(false);
        var names = Lines(list.StandardOutput);
        if (names.Count == 0)
        {
            return [];
        }

        var batch = await _invoker.RunUncheckedAsync(_arguments.InspectVolumes(names), cancellationToken).ConfigureAwait(false);
        if (batch.ExitCode == 0)
        {
            return OciVolumeParser.Parse(batch.StandardOutput, Name);
        }

        // A volume was removed between the list and the inspect: inspect one by one and skip the missing.
        var volumes = new List<VolumeInfo>();
        foreach (var name in names)
        {
            var arguments = _arguments.InspectVolumes([name]);
            var one = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
            if (one.ExitCode == 0)
            {
                volumes.AddRange(OciVolumeParser.Parse(one.StandardOutput, Name));
            }
            else if (Fail(arguments, one, "inspect the volume") is { Code: not BridgeErrorCode.VolumeNotFound } error)
            {
                throw error;
            }
        }

        return volumes;
    }

    /// <inheritdoc />
    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default) =>
        _invoker.RunAsync(_arguments.RemoveVolume(name), "remove the volume", cancellationToken);
}
