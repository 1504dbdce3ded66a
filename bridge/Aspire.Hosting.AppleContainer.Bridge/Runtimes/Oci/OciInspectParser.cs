using System.Globalization;
using System.Text.Json;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>Parses <c>container inspect</c> output (a JSON array; podman and docker share the fields read here).</summary>
internal static class OciInspectParser
{
    /// <summary>Every container in the array; <see cref="BridgeErrorCode.UnparseableOutput"/> when it is not one.</summary>
    public static IReadOnlyList<ContainerInfo> Parse(string json, string runtime)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.EnumerateArray().Select(ParseOne).ToList();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            throw new BridgeException(BridgeErrorCode.UnparseableOutput, $"{runtime} returned container details the bridge cannot read: {ex.Message}", ex)
            {
                Runtime = runtime,
            };
        }
    }

    /// <summary>Where the first container in the array keeps its output; null when the output is not one container's details.</summary>
    public static OciLogSource? ParseLogSource(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array || document.RootElement.GetArrayLength() == 0)
            {
                return null;
            }

            var container = document.RootElement[0];
            var state = OciJson.Object(container, "State");
            var logConfig = OciJson.Object(container, "HostConfig") is { } host ? OciJson.Object(host, "LogConfig") : null;
            return OciJson.String(container, "Id") is { } id && state is { } s
                ? new OciLogSource(
                    id,
                    ParseState(OciJson.String(s, "Status")),
                    OciJson.String(s, "StartedAt"),
                    logConfig is { } driver ? OciJson.String(driver, "Type") : null,
                    logConfig is { } file ? OciJson.String(file, "Path") : null,
                    logConfig is { } size ? OciJson.String(size, "Size") : null)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Maps a runtime state word to the normalised state (podman's configured/initialized are Created).</summary>
    public static ContainerState ParseState(string? status) => status?.ToLowerInvariant() switch
    {
        "created" or "configured" or "initialized" => ContainerState.Created,
        "running" or "restarting" => ContainerState.Running,
        "paused" => ContainerState.Paused,
        "stopping" => ContainerState.Stopping,
        "exited" or "stopped" => ContainerState.Exited,
        "removing" => ContainerState.Removing,
        "dead" => ContainerState.Dead,
        _ => ContainerState.Unknown,
    };

    private static ContainerInfo ParseOne(JsonElement container)
    {
        var state = container.GetProperty("State");
        var normalized = ParseState(OciJson.String(state, "Status"));
        var config = OciJson.Object(container, "Config");
        var labels = config is { } c ? OciJson.StringMap(c, "Labels") : new Dictionary<string, string>();
        return new ContainerInfo
        {
            Id = container.GetProperty("Id").GetString()!,
            Name = (OciJson.String(container, "Name") ?? string.Empty).TrimStart('/'),
            Image = OciJson.String(container, "ImageName") ?? (config is { } c2 ? OciJson.String(c2, "Image") : null) ?? OciJson.String(container, "Image") ?? string.Empty,
            State = normalized,
            ExitCode = normalized is ContainerState.Exited or ContainerState.Dead && state.TryGetProperty("ExitCode", out var code) ? code.GetInt32() : null,
            CreatedAt = Date(OciJson.String(container, "Created")),
            StartedAt = Date(OciJson.String(state, "StartedAt")),
            FinishedAt = Date(OciJson.String(state, "FinishedAt")),
            IpAddress = IpAddress(container),
            Ports = Ports(container, normalized),
            Mounts = Mounts(container),
            Labels = LabelCodec.Decode(labels),
        };
    }

    private static DateTimeOffset? Date(string? text)
    {
        if (string.IsNullOrEmpty(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return null;
        }

        return date.Year <= 1 ? null : date;
    }

    private static string? IpAddress(JsonElement container)
    {
        if (OciJson.Object(container, "NetworkSettings") is not { } settings)
        {
            return null;
        }

        var address = OciJson.String(settings, "IPAddress");
        if (string.IsNullOrEmpty(address) && OciJson.Object(settings, "Networks") is { } networks)
        {
            address = networks.EnumerateObject()
                .Select(network => OciJson.String(network.Value, "IPAddress"))
                .FirstOrDefault(ip => !string.IsNullOrEmpty(ip));
        }

        return string.IsNullOrEmpty(address) ? null : address.Split('/')[0];
    }

    /// <summary>
    /// The published ports: <c>NetworkSettings.Ports</c>. podman chooses host ports at create and lists them there at
    /// once; docker chooses them at start, so for a created docker container they come from what was asked
    /// (<c>HostConfig.PortBindings</c>, a runtime-chosen host port empty).
    /// </summary>
    private static IReadOnlyList<PortMapping> Ports(JsonElement container, ContainerState state)
    {
        var ports = OciJson.Object(container, "NetworkSettings") is { } settings && OciJson.Object(settings, "Ports") is { } map
            ? Bindings(map)
            : [];
        return ports.Count == 0 && state == ContainerState.Created && OciJson.Object(container, "HostConfig") is { } host && OciJson.Object(host, "PortBindings") is { } asked
            ? Bindings(asked)
            : ports;
    }

    private static List<PortMapping> Bindings(JsonElement map)
    {
        var ports = new List<PortMapping>();
        foreach (var entry in map.EnumerateObject())
        {
            var parts = entry.Name.Split('/');
            var protocol = parts.Length > 1 && parts[1] == "udp" ? PortProtocol.Udp : PortProtocol.Tcp;
            if (entry.Value.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var binding in entry.Value.EnumerateArray())
            {
                var hostIp = OciJson.String(binding, "HostIp");
                ports.Add(new PortMapping(
                    int.Parse(parts[0], CultureInfo.InvariantCulture),
                    int.TryParse(OciJson.String(binding, "HostPort"), CultureInfo.InvariantCulture, out var hostPort) ? hostPort : null,
                    string.IsNullOrEmpty(hostIp) ? "0.0.0.0" : hostIp,
                    protocol));
            }
        }

        return ports;
    }

    /// <summary>
    /// The <c>Mounts</c> array, and the tmpfs mounts of <c>HostConfig.Tmpfs</c> it does not list: docker lists a
    /// <c>--mount type=tmpfs</c> in <c>Mounts</c>, podman only in <c>HostConfig.Tmpfs</c>.
    /// </summary>
    private static IReadOnlyList<MountSpec> Mounts(JsonElement container)
    {
        var listed = container.TryGetProperty("Mounts", out var mounts) && mounts.ValueKind == JsonValueKind.Array
            ? ListedMounts(mounts)
            : [];
        var tmpfs = OciJson.Object(container, "HostConfig") is { } host && OciJson.Object(host, "Tmpfs") is { } map
            ? map.EnumerateObject()
                .Where(entry => !listed.Any(mount => mount.Target == entry.Name))
                .Select(entry => new MountSpec(MountKind.Tmpfs, null, entry.Name))
            : [];
        return [.. listed, .. tmpfs];
    }

    private static List<MountSpec> ListedMounts(JsonElement mounts) =>
        mounts.EnumerateArray().Select(mount =>
        {
            var kind = OciJson.String(mount, "Type") switch
            {
                "volume" => MountKind.Volume,
                "tmpfs" => MountKind.Tmpfs,
                _ => MountKind.Bind,
            };
            var source = kind switch
            {
                MountKind.Volume => OciJson.String(mount, "Name"),
                MountKind.Tmpfs => null,
                _ => OciJson.String(mount, "Source"),
            };
            var readOnly = mount.TryGetProperty("RW", out var rw) && rw.ValueKind == JsonValueKind.False;
            return new MountSpec(kind, source, OciJson.String(mount, "Destination") ?? string.Empty, readOnly);
        }).ToList();
}
