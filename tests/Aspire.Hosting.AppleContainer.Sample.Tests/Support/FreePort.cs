using System.Net;
using System.Net.Sockets;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>Free TCP ports on the loopback interface, found by binding port 0.</summary>
internal static class FreePort
{
    /// <summary>A port that was free a moment ago.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
