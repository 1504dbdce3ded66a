using System.Net;
using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Reads <c>list --format json</c> and <c>inspect</c> output: arrays of ManagedContainer
/// <c>{"configuration":…,"id":…,"status":{"state","networks","startedDate"}}</c>
/// (Sources/ContainerResource/Container/ManagedContainer.swift, ContainerStatus.swift @1.0.0). The pre-1.0 snapshot
/// shape (<c>"status":"running"</c> with <c>networks</c>/<c>startedDate</c> beside it) is read too.
/// </summary>
internal static class AppleContainerParser
{
    public static IReadOnlyList<ContainerInfo> Parse(string json, string what)
    {
        using var document = AppleJson.ParseArray(json, what);
        var containers = new List<ContainerInfo>();
        foreach (var element in document.RootElement.EnumerateArray())
        {
            containers.Add(ParseOne(element, what));
        }

        return containers;
    }

    public static ContainerInfo ParseOne(JsonElement element, string what)
    {
        var configuration = AppleJson.Property(element, "configuration") ?? throw AppleJson.Unparseable(what, "a container has no configuration");
        var id = AppleJson.String(element, "id") ?? AppleJson.String(configuration, "id") ?? throw AppleJson.Unparseable(what, "a container has no id");
        var (state, networks, startedAt) = ReadStatus(element);
        var image = AppleJson.Property(configuration, "image") is { } imageElement ? AppleJson.String(imageElement, "reference") : null;
        return new ContainerInfo
        {
            Id = id,
            Name = id, // "containers have no separate name field today" (ManagedContainer.swift @1.0.0).
            Image = image ?? string.Empty,
            State = MapState(state, startedAt),
            CreatedAt = AppleJson.Date(configuration, "creationDate"),
            StartedAt = startedAt,
            IpAddress = networks.Select(FirstIpv4).FirstOrDefault(a => a is not null),
            Ports = [.. AppleJson.Array(configuration, "publishedPorts").SelectMany(ParsePorts)],
            Mounts = [.. AppleJson.Array(configuration, "mounts").Select(ParseMount).OfType<MountSpec>()],
            Labels = LabelCodec.Decode(AppleJson.StringMap(configuration, "labels")),
        };
    }

    /// <summary>
    /// <c>running</c>, <c>stopping</c>, <c>stopped</c>, <c>unknown</c> (RuntimeStatus.swift @1.0.0). A stopped container
    /// without <c>startedDate</c> never started (ContainersService.swift @1.0.0 sets it only when the init process starts).
    /// </summary>
    public static ContainerState MapState(string? state, DateTimeOffset? startedAt) => state switch
    {
        "running" => ContainerState.Running,
        "stopping" => ContainerState.Stopping,
        "stopped" => startedAt is null ? ContainerState.Created : ContainerState.Exited,
        _ => ContainerState.Unknown,
    };

    private static (string? State, List<JsonElement> Networks, DateTimeOffset? StartedAt) ReadStatus(JsonElement element)
    {
        if (AppleJson.Property(element, "status") is { ValueKind: JsonValueKind.Object } status)
        {
            return (AppleJson.String(status, "state"), [.. AppleJson.Array(status, "networks")], AppleJson.Date(status, "startedDate"));
        }

        // ContainerSnapshot (ContainerSnapshot.swift @1.0.0): status is the bare RuntimeStatus string.
        return (AppleJson.String(element, "status"), [.. AppleJson.Array(element, "networks")], AppleJson.Date(element, "startedDate"));
    }

    /// <summary><c>ipv4Address</c> is a CIDR ("192.168.64.3/24"); older encodings used <c>address</c> (Attachment.swift @1.0.0).</summary>
    private static string? FirstIpv4(JsonElement attachment)
    {
        var cidr = AppleJson.String(attachment, "ipv4Address") ?? AppleJson.String(attachment, "address");
        if (cidr is null)
        {
            return null;
        }

        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? cidr : cidr[..slash];
    }

    /// <summary><c>{hostAddress, hostPort, containerPort, proto, count}</c> (PublishPort.swift @1.0.0); a range expands.</summary>
    private static IEnumerable<PortMapping> ParsePorts(JsonElement port)
    {
        var hostPort = AppleJson.Int(port, "hostPort");
        var containerPort = AppleJson.Int(port, "containerPort");
        if (hostPort is null || containerPort is null)
        {
            yield break;
        }

        var address = AppleJson.String(port, "hostAddress") is { } text && IPAddress.TryParse(text, out _) ? text : "0.0.0.0";
        var protocol = AppleJson.String(port, "proto") == "udp" ? PortProtocol.Udp : PortProtocol.Tcp;
        var count = Math.Max(1, AppleJson.Int(port, "count") ?? 1);
        for (var offset = 0; offset < count; offset++)
        {
            yield return new PortMapping(containerPort.Value + offset, hostPort.Value + offset, address, protocol);
        }
    }

    /// <summary>
    /// <c>type</c> is a single-key object: <c>virtiofs</c> (bind), <c>volume</c> (with <c>name</c>), <c>tmpfs</c>,
    /// <c>block</c> (not a user mount; skipped); read-only is <c>"ro"</c> in <c>options</c> (Filesystem.swift @1.0.0).
    /// </summary>
    private static MountSpec? ParseMount(JsonElement mount)
    {
        var destination = AppleJson.String(mount, "destination");
        if (destination is null || AppleJson.SingleKey(mount, "type") is not { } type)
        {
            return null;
        }

        var readOnly = AppleJson.Array(mount, "options").Any(o => o.ValueKind == JsonValueKind.String && o.GetString() == "ro");
        return type.Case switch
        {
            "virtiofs" => new MountSpec(MountKind.Bind, AppleJson.String(mount, "source"), destination, readOnly),
            "volume" => new MountSpec(MountKind.Volume, AppleJson.String(type.Payload, "name") ?? AppleJson.String(mount, "source"), destination, readOnly),
            "tmpfs" => new MountSpec(MountKind.Tmpfs, null, destination, readOnly),
            _ => null,
        };
    }
}
