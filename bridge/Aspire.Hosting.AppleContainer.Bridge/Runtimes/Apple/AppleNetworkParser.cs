namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Reads <c>network inspect</c>: an array of NetworkResource <c>{"configuration":…,"id","status":{"ipv4Gateway","ipv4Subnet",…}}</c>
/// (Sources/ContainerResource/Network/NetworkResource.swift, NetworkStatus.swift @1.0.0).
/// </summary>
internal static class AppleNetworkParser
{
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
