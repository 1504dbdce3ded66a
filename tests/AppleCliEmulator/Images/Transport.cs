using System.Net.Http;
using System.Net.Sockets;

namespace AppleCliEmulator.Images;

/// <summary>
/// Transport failures of the registry client. Their text comes from AsyncHTTPClient, swift-nio and Network.framework,
/// none of which is in the mirrored sources, so these are approximations: what matters (and is sourced) is that they are
/// not "image not found" texts and that the CLI prints them after <c>Error: </c> with exit 1.
/// </summary>
internal static class Transport
{
    public static string Unreachable(string host, int? port) => $"POSIXErrorCode(rawValue: 65): No route to host ({host}:{port ?? 443})";

    public static string Describe(HttpRequestException ex, string host, int? port, bool plainHttp)
    {
        if (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return $"POSIXErrorCode(rawValue: 61): Connection refused ({host}:{port ?? (plainHttp ? 80 : 443)})";
        }

        if (!plainHttp && ex.InnerException is System.Security.Authentication.AuthenticationException or IOException)
        {
            return "handshakeFailed(NIOSSL.BoringSSLError.sslError([Error: 268435703 error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER]))";
        }

        return ex.Message;
    }
}
