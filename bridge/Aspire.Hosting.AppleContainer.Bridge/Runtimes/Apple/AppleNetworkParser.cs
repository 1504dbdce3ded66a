namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Reads <c>network inspect</c>: an array of NetworkResource <c>{"configuration":…,"id","status":{"ipv4Gateway","ipv4Subnet",…}}</c>
/// (Sources/ContainerResource/Network/NetworkResource.swift, NetworkStatus.swift @1.0.0).
/// </summary>
internal static class AppleNetworkParser
{
    /// <summary>
    /// The networks of <c>network list --format json</c> (an array of NetworkResource; the name is
    /// <c>configuration.name</c>, else <c>id</c>; labels are <c>configuration.labels</c>, NetworkConfiguration.swift@1.2.2).
    /// </summary>
    public static IReadOnlyList<NetworkInfo> List(string json)
    {
        using var document = AppleJson.ParseArray(json, "network list");
        var networks = new List<NetworkInfo>();
        foreach (var network in document.RootElement.EnumerateArray())
        {
            var configuration = AppleJson.Property(network, "configuration");
            var name = (configuration is { } c ? AppleJson.String(c, "name") : null) ?? AppleJson.String(network, "id")
                ?? throw AppleJson.Unparseable("network list", "a network has no name");
            var labels = configuration is { } config ? AppleJson.StringMap(config, "labels") : [];
            networks.Add(new NetworkInfo(name) { Labels = LabelCodec.Decode(labels) });
        }

        return networks;
    }

    /// <summary>The IPv4 gateway of the first network in the output, or null.</summary>
    public static string? Gateway(string json)
    {
        using var document = AppleJson.ParseArray(json, "network inspect");
        foreach (var network in document.RootElement.EnumerateArray())
        {
            if (AppleJson.Property(network, "status") is { } status && AppleJson.String(status, "ipv4Gateway") is { Length: > 0 } gateway)
            {
                return gateway;
            }
        }

        return null;
    }
}
