using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Relays TCP connections that reach the host at the container runtime's host address to a listener bound only to
/// 127.0.0.1, which containers could not reach otherwise. It listens on the port it is offered, else on one the
/// system chooses, and serves only
/// connections that arrived at <see cref="AcceptedLocalAddress"/> (or loopback) when one is given, else
/// connections from loopback or private peers.
/// </summary>
internal sealed class TcpForwarder : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _logger;
    private readonly Task _acceptLoop;

    /// <summary>
    /// Starts forwarding to <c>127.0.0.1:<paramref name="targetPort"/></c>, listening on <paramref name="preferredPort"/>
    /// when it is free on every interface (0: any port).
    /// </summary>
    public TcpForwarder(int targetPort, IPAddress? acceptedLocalAddress, ILogger logger, int preferredPort = 0)
    {
        TargetPort = targetPort;
        AcceptedLocalAddress = acceptedLocalAddress;
        _logger = logger;
        _listener = Listen(preferredPort);
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The port the forwarder listens on (all interfaces).</summary>
    public int Port { get; }

    /// <summary>The loopback port it forwards to.</summary>
    public int TargetPort { get; }

    /// <summary>The only non-loopback local address whose connections are served, or null to serve any.</summary>
    public IPAddress? AcceptedLocalAddress { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private static TcpListener Listen(int preferredPort)
    {
        if (preferredPort > 0)
        {
            var preferred = new TcpListener(IPAddress.Any, preferredPort);
            try
            {
                preferred.Start();
                return preferred;
            }
            catch (SocketException)
            {
                preferred.Stop();
            }
        }

        var any = new TcpListener(IPAddress.Any, 0);
        any.Start();
        return any;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (!IsAccepted(client))
            {
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    /// <summary>
    /// With a known host address: connections that arrived at it (or at loopback). Otherwise (the runtime names the
    /// host by a host name): connections from loopback or private/link-local peers, where container networks live.
    /// </summary>
    private bool IsAccepted(TcpClient client)
    {
        if (client.Client.LocalEndPoint is not IPEndPoint local || client.Client.RemoteEndPoint is not IPEndPoint remote)
        {
            return false;
        }

        var localAddress = Normalize(local.Address);
        if (AcceptedLocalAddress is not null)
        {
            return IPAddress.IsLoopback(localAddress) || localAddress.Equals(AcceptedLocalAddress);
        }

        var remoteAddress = Normalize(remote.Address);
        if (IPAddress.IsLoopback(remoteAddress))
        {
            return true;
        }

        var bytes = remoteAddress.GetAddressBytes();
        return remoteAddress.AddressFamily == AddressFamily.InterNetwork && (bytes[0] == 10
            || (bytes[0] == 172 && bytes[1] is >= 16 and <= 31)
            || (bytes[0] == 192 && bytes[1] == 168)
            || (bytes[0] == 169 && bytes[1] == 254)
            || (bytes[0] == 100 && bytes[1] is >= 64 and <= 127));
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(IPAddress.Loopback, TargetPort, _stopping.Token).ConfigureAwait(false);
                using var failed = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                await Task.WhenAll(
                    PumpAsync(client.Client, upstream.Client, failed),
                    PumpAsync(upstream.Client, client.Client, failed)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                _logger.LogDebug("Forwarding to 127.0.0.1:{Port} ended: {Message}", TargetPort, ex.Message);
            }
        }
    }

    /// <summary>
    /// Copies one direction, then half-closes the destination so the other side sees the end of input. A failure in one direction cancels the other (through <paramref name="failed"/>).
    /// </summary>
    private static async Task PumpAsync(Socket source, Socket destination, CancellationTokenSource failed)
    {
        try
        {
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await source.ReceiveAsync(buffer, SocketFlags.None, failed.Token).ConfigureAwait(false)) > 0)
            {
                await destination.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, failed.Token).ConfigureAwait(false);
            }

            destination.Shutdown(SocketShutdown.Send);
        }
        catch
        {
            await failed.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
