namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// The one rule for registries on internal hosts, the same on every runtime: a registry whose host (port left out) is
/// <c>localhost</c> or a private IPv4 address (127/8, 10/8, 172.16/12, 192.168/16) is spoken to in plain HTTP.
/// It is Apple's <c>--scheme auto</c> rule (<c>RequestScheme.isInternalHost</c>, RequestScheme.swift@1.2.2), applied to
/// the host alone: Apple's CLI hands it the reference's domain with the port, so for <c>127.0.0.1:5000</c> its own rule
/// chooses HTTPS, and the bridge passes the scheme explicitly.
/// </summary>
internal static class RegistryHost
{
    /// <summary>Whether the registry part of <paramref name="registry"/> (<c>host[:port]</c>, or a whole image reference) is internal.</summary>
    public static bool IsInternal(string registry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        var host = HostOf(registry);
        if (host == "localhost")
        {
            return true;
        }

        if (!TryParseIPv4(host, out var value))
        {
            return false;
        }

        return (value & 0xff00_0000) == 0x0a00_0000
            || (value & 0xff00_0000) == 0x7f00_0000
            || (value & 0xffff_0000) == 0xc0a8_0000
            || (value & 0xfff0_0000) == 0xac10_0000;
    }

    /// <summary>The host of <c>host[:port][/path…]</c>, without the port or any path (an image reference's registry).</summary>
    internal static string HostOf(string registry)
    {
        var domain = DomainOf(registry);
        var colon = domain.LastIndexOf(':');
        return colon >= 0 ? domain[..colon] : domain;
    }

    /// <summary>
    /// <c>host[:port]</c> of <paramref name="registry"/>, without a scheme (<c>https://</c>) or a path: the server name a
    /// login takes (Apple's <c>registry login</c> puts its own scheme in front of it, RegistryLogin.swift@1.2.2:72-75).
    /// </summary>
    internal static string DomainOf(string registry)
    {
        var domain = registry.Trim();
        var scheme = domain.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            domain = domain[(scheme + 3)..];
        }

        var slash = domain.IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? domain[..slash] : domain;
    }

    /// <summary>Dotted-quad IPv4 only, no leading zeros, as ContainerizationExtras' <c>IPv4Address.parse</c> accepts.</summary>
    private static bool TryParseIPv4(string text, out uint value)
    {
        value = 0;
        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !part.All(char.IsAsciiDigit))
            {
                return false;
            }

            var octet = uint.Parse(part, System.Globalization.CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }

            value = (value << 8) | octet;
        }

        return true;
    }
}
