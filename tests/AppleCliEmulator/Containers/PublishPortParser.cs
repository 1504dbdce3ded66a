using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AppleCliEmulator.Errors;
using AppleCliEmulator.Json;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Parser.publishPort (Parser.swift@1.2.2:620–732): <c>[host-ip:]host-port:container-port[/protocol]</c> with the same
/// regular expression, ranges <c>a-b</c>, ports above 1, equal host and container counts; the host address defaults to
/// 0.0.0.0. The result is a PublishPort (PublishPort.swift@1.2.2): hostAddress, hostPort, containerPort, proto, count.
/// </summary>
internal static partial class PublishPortParser
{
    [GeneratedRegex(@"^((\[(?<ipv6>[^\]]*)\]|(?<ipv4>[^:].*)):)?(?<hostPort>[^:].*):(?<containerPort>[^:/]*)(/(?<proto>.*))?$")]
    private static partial Regex Pattern();

    public static JsonObject Parse(string text)
    {
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw Invalid($"invalid publish value: {text}");
        }

        var protoText = match.Groups["proto"].Success ? match.Groups["proto"].Value.ToLowerInvariant() : "tcp";
        if (protoText is not ("tcp" or "udp"))
        {
            throw Invalid($"invalid publish protocol: {protoText}");
        }

        string hostAddress;
        if (match.Groups["ipv6"].Success && match.Groups["ipv6"].Value.Length > 0)
        {
            hostAddress = IPAddress.TryParse(match.Groups["ipv6"].Value, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? v6.ToString()
                : throw Invalid($"invalid publish IPv6 address: {text}");
        }
        else if (match.Groups["ipv4"].Success && match.Groups["ipv4"].Value.Length > 0)
        {
            hostAddress = Ipv4.TryParse(match.Groups["ipv4"].Value, out _) ? match.Groups["ipv4"].Value : throw Invalid($"invalid publish IPv4 address: {text}");
        }
        else
        {
            hostAddress = "0.0.0.0";
        }

        var hostText = match.Groups["hostPort"].Value;
        var containerText = match.Groups["containerPort"].Value;
        var (hostStart, hostEnd) = Range(hostText, "host");
        var (containerStart, containerEnd) = Range(containerText, "container");
        if (hostStart <= 1 || hostStart > hostEnd)
        {
            throw Invalid($"invalid publish host port range: {hostText}");
        }

        if (containerStart <= 1 || containerStart > containerEnd)
        {
            throw Invalid($"invalid publish container port range: {containerText}");
        }

        var hostCount = hostEnd - hostStart + 1;
        var containerCount = containerEnd - containerStart + 1;
        if (hostCount != containerCount)
        {
            throw Invalid($"publish host and container port counts are not equal: {hostText}:{containerText}");
        }

        return new JsonObject
        {
            ["containerPort"] = containerStart,
            ["count"] = hostCount,
            ["hostAddress"] = hostAddress,
            ["hostPort"] = hostStart,
            ["proto"] = protoText,
        };
    }

    /// <summary><c>hasOverlaps()</c> (PublishPort.swift@1.2.2:95–108): two specs claiming one host port and protocol.</summary>
    public static bool HasOverlaps(IEnumerable<JsonObject> ports)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var port in ports)
        {
            for (var offset = 0; offset < port["count"]!.ToInt32(); offset++)
            {
                if (!seen.Add($"{port["hostPort"]!.ToInt32() + offset}/{port["proto"]!.GetValue<string>()}"))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static (int Start, int End) Range(string text, string which)
    {
        var parts = SwiftSplit.Split(text, '-');
        if (parts.Count is 1 or 2 && parts.All(p => ushort.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var start = ushort.Parse(parts[0], CultureInfo.InvariantCulture);
            return (start, parts.Count == 2 ? ushort.Parse(parts[1], CultureInfo.InvariantCulture) : start);
        }

        throw Invalid($"invalid publish {which} port: {text}");
    }

    private static CliFailure Invalid(string message) => CliFailure.Of(ContainerizationError.InvalidArgument(message));
}
