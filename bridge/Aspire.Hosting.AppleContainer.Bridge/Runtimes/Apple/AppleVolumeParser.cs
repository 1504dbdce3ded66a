namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Reads <c>volume list --format json</c> / <c>volume inspect</c>: arrays of VolumeResource
/// <c>{"configuration":{"name","driver","format","source","labels",…},"id"}</c> (VolumeResource.swift, VolumeConfiguration.swift @1.0.0).
/// </summary>
internal static class AppleVolumeParser
{
    public static IReadOnlyList<VolumeInfo> Parse(string json)
    {
        using var document = AppleJson.ParseArray(json, "volume list");
        var volumes = new List<VolumeInfo>();
        foreach (var volume in document.RootElement.EnumerateArray())
        {
            var configuration = AppleJson.Property(volume, "configuration");
            var name = (configuration is { } c ? AppleJson.String(c, "name") : null) ?? AppleJson.String(volume, "id");
            if (name is null)
            {
                throw AppleJson.Unparseable("volume list", "a volume has no name");
            }

            var labels = configuration is { } config ? AppleJson.StringMap(config, "labels") : [];
            volumes.Add(new VolumeInfo(name) { Labels = LabelCodec.Decode(labels) });
        }

        return volumes;
    }
}
