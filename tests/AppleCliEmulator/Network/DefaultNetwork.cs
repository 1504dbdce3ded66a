using System.Text.Json.Nodes;
using AppleCliEmulator.Json;
using AppleCliEmulator.Podman;

namespace AppleCliEmulator.Network;

/// <summary>
/// The built-in <c>default</c> network as NetworkResource (Sources/ContainerResource/Network/NetworkResource.swift,
/// NetworkConfiguration.swift, NetworkStatus.swift@1.2.2): configuration (name, mode nat, plugin container-network-vmnet,
/// role label builtin, ResourceLabels.swift@1.2.2:103–118) and status (ipv4Subnet, ipv4Gateway). The subnet and gateway
/// are those of podman's default network, where containers reach the host.
/// </summary>
internal static class DefaultNetwork
{
    public const string Name = "default";

    public const string PodmanNetwork = "podman";

    private static (string Subnet, string Gateway)? _cached;

    public static (string Subnet, string Gateway) Addresses()
    {
        if (_cached is { } cached)
        {
            return cached;
        }

        var output = PodmanCli.Check("network", "inspect", "--format", "{{range .Subnets}}{{.Subnet}} {{.Gateway}}\n{{end}}", PodmanNetwork);
        var first = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).First(l => l.Contains('.', StringComparison.Ordinal)).Split(' ');
        _cached = (first[0], first[1]);
        return _cached.Value;
    }

    public static JsonObject Resource(string creationDate)
    {
        var (subnet, gateway) = Addresses();
        return new JsonObject
        {
            ["configuration"] = new JsonObject
            {
                ["creationDate"] = creationDate,
                ["ipv4Subnet"] = subnet,
                ["labels"] = new JsonObject { ["com.apple.container.resource.role"] = "builtin" },
                ["mode"] = "nat",
                ["name"] = Name,
                ["options"] = new JsonObject(),
                ["plugin"] = "container-network-vmnet",
            },
            ["id"] = Name,
            ["status"] = new JsonObject { ["ipv4Gateway"] = gateway, ["ipv4Subnet"] = subnet },
        };
    }

    /// <summary>The state's creation time stands for the network's (it exists from the first <c>system start</c>).</summary>
    public static string CreationDate(string stateRoot) => SwiftDate.Iso8601(Directory.GetCreationTimeUtc(stateRoot));
}
