namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Named volumes.</content>
internal sealed partial class AppleContainerRuntime
{
    /// <inheritdoc />
    public async Task CreateVolumeAsync(VolumeSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        RunSpecValidator.ValidateVolumeName(spec.Name);
        await _invoker.RunAsync(AppleArguments.VolumeCreate(spec), "create the volume", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<VolumeInfo>> ListVolumesAsync(IReadOnlyDictionary<string, string>? labels = null, CancellationToken cancellationToken = default)
    {
        var result = await _invoker.RunAsync(AppleArguments.VolumeList(), "list volumes", cancellationToken).ConfigureAwait(false);
        var volumes = AppleVolumeParser.Parse(result.StandardOutput);
        if (labels is null || labels.Count == 0)
        {
            return volumes;
        }

        var wanted = labels.Select(l => (Key: LabelCodec.NormalizeKey(l.Key), l.Value)).ToList();
        return [.. volumes.Where(v => wanted.All(w => v.Labels.TryGetValue(w.Key, out var value) && value == w.Value))];
    }

    /// <inheritdoc />
    /// <remarks><c>volume delete</c> has no force flag and refuses a volume any container references (VolumesService.swift @1.0.0).</remarks>
    public async Task RemoveVolumeAsync(string name, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateVolumeName(name);
        await _invoker.RunAsync(AppleArguments.VolumeDelete(name), "remove the volume", cancellationToken).ConfigureAwait(false);
    }
}
