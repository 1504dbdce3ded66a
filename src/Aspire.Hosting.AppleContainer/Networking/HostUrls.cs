namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// A <c>HostUrl</c> (a URL on the host, which Aspire uses for <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> when the dashboard is
/// not in the model) as a container reaches it. DCP puts its container host name in place of a localhost host
/// (<c>HostUrl.GetValueAsync</c>); here the host becomes the runtime's host address and the port one that reaches the
/// loopback listener (<see cref="HostGateway"/>), since the listener is usually bound to 127.0.0.1 only.
/// </summary>
internal static class HostUrls
{
    /// <summary>
    /// <paramref name="url"/> with a localhost host (<c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c>) replaced as
    /// described; a URL on another host is returned as given. A value that is no URL gets the host replaced as text
    /// (its port kept), as Aspire does for it.
    /// </summary>
    public static async Task<string> ForContainerAsync(string url, HostGateway gateway, CancellationToken cancellationToken)
    {
        UriBuilder uri;
        try
        {
            uri = new UriBuilder(url);
        }
        catch (UriFormatException)
        {
            var hostAddress = await gateway.GetHostAddressAsync(cancellationToken).ConfigureAwait(false);
            return url.Replace("localhost", hostAddress, StringComparison.OrdinalIgnoreCase)
                .Replace("127.0.0.1", hostAddress, StringComparison.Ordinal)
                .Replace("[::1]", hostAddress, StringComparison.Ordinal);
        }

        if (!IsLocalHost(uri.Host))
        {
            return url;
        }

        var (address, port) = await gateway.ExposeAsync(uri.Port, cancellationToken).ConfigureAwait(false);
        uri.Host = address;
        uri.Port = port;
        var result = uri.ToString();

        // UriBuilder always ends the path with '/'; keep the URL's own ending, as Aspire does.
        return !url.EndsWith('/') && result.EndsWith('/') ? result[..^1] : result;
    }

    private static bool IsLocalHost(string host) => host is "localhost" or "127.0.0.1" or "::1" or "[::1]";
}
