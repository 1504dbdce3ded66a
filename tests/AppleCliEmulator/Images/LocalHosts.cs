using System.Net.NetworkInformation;
using System.Net;

namespace AppleCliEmulator.Images;

/// <summary>
/// Whether a registry host is on this machine. The emulator sends nothing anywhere else: it plays a Mac without network
/// access for every other host (so a name resolves to nothing, RegistryClient.swift@0.40.1:235–246).
/// </summary>
internal static class LocalHosts
{
    public static bool IsLocal(string host)
    {
        if (host == "localhost")
        {
            return true;
        }

        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return false;
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        return NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Any(a => a.Address.Equals(address));
    }

    /// <summary>Splits <c>host[:port]</c> (IPv6 in brackets).</summary>
    public static (string Host, int? Port) Split(string domain)
    {
        if (domain.StartsWith('['))
        {
            var close = domain.IndexOf(']', StringComparison.Ordinal);
            var port = close + 1 < domain.Length && domain[close + 1] == ':' ? int.Parse(domain[(close + 2)..], System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            return (domain[..(close + 1)], port);
        }

        var colon = domain.LastIndexOf(':');
        return colon < 0 ? (domain, null) : (domain[..colon], int.Parse(domain[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
