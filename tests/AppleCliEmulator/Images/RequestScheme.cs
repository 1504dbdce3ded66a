using AppleCliEmulator.Containers;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Images;

/// <summary>
/// RequestScheme (Sources/Services/ContainerAPIService/Client/RequestScheme.swift@1.2.2): <c>http</c>, <c>https</c>, or
/// <c>auto</c>, which is plain HTTP only for <c>localhost</c> and IPv4 literals in 127/8, 10/8, 192.168/16 and
/// 172.16/12. The host it is given is the reference's domain, port included (ClientImage.swift@1.2.2:263–270), so under
/// <c>auto</c> <c>localhost:5000</c> and <c>127.0.0.1:5000</c> are HTTPS.
/// </summary>
internal static class RequestScheme
{
    public static string Validate(string raw) =>
        raw is "http" or "https" or "auto" ? raw : throw CliFailure.Of(ContainerizationError.InvalidArgument($"unsupported scheme {raw}"));

    public static bool IsPlainHttp(string scheme, string host)
    {
        if (host.Length == 0)
        {
            throw CliFailure.Of(ContainerizationError.InvalidArgument("host cannot be empty"));
        }

        return scheme switch
        {
            "http" => true,
            "https" => false,
            _ => IsInternalHost(host),
        };
    }

    public static bool IsInternalHost(string host)
    {
        if (host == "localhost")
        {
            return true;
        }

        if (!Ipv4.TryParse(host, out var value))
        {
            return false;
        }

        return (value & 0xff00_0000) is 0x0a00_0000 or 0x7f00_0000
            || (value & 0xffff_0000) == 0xc0a8_0000
            || (value & 0xfff0_0000) == 0xac10_0000;
    }
}
