using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Orchestration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Makes host listeners bound to 127.0.0.1 reachable from containers: it asks the runtime for the address
/// containers use to reach the host and, unless that address is itself loopback (then the listener is reachable
/// as is), starts one <see cref="TcpForwarder"/> per listener port on demand, on a port that stays the same from run
/// to run while the listener's does (see <see cref="HostPortPicker"/>).
/// </summary>
internal sealed class HostGateway : IAsyncDisposable
{
    private readonly IContainerRuntimeProvider _runtimes;
    private readonly ILogger<HostGateway> _logger;
    private readonly ConcurrentDictionary<int, Lazy<TcpForwarder>> _forwarders = new();
    private readonly ConcurrentDictionary<int, Lazy<TcpForwarder>> _otherRuntimeForwarders = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _hostAddress;
    private bool _disposed;

    /// <summary>Creates the gateway.</summary>
    public HostGateway(IContainerRuntimeProvider runtimes, ILogger<HostGateway> logger)
    {
        _runtimes = runtimes;
        _logger = logger;
    }

    /// <summary>The address and port at which a container reaches the host listener on 127.0.0.1:<paramref name="loopbackPort"/>.</summary>
    public async Task<(string Address, int Port)> ExposeAsync(int loopbackPort, CancellationToken cancellationToken)
    {
        var hostAddress = await GetHostAddressAsync(cancellationToken).ConfigureAwait(false);
        var ip = IPAddress.TryParse(hostAddress, out var parsed) ? parsed : null;
        if (ip is not null && IPAddress.IsLoopback(ip))
        {
            return (hostAddress, loopbackPort);
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var forwarder = _forwarders.GetOrAdd(loopbackPort, port => new Lazy<TcpForwarder>(
            () => new TcpForwarder(port, ip, _logger, HostPortPicker.Shared.Pick(ProtocolType.Tcp, $"forward/{port}")))).Value;
        return (hostAddress, forwarder.Port);
    }

    /// <summary>
    /// A port on every interface that reaches the host listener on 127.0.0.1:<paramref name="loopbackPort"/> from the
    /// containers of another runtime (DCP's), which reach the host at an address of their own: its forwarder serves
    /// connections from loopback and private peers, where container networks live.
    /// </summary>
    public int ExposeToOtherRuntime(int loopbackPort)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _otherRuntimeForwarders.GetOrAdd(loopbackPort, port => new Lazy<TcpForwarder>(
            () => new TcpForwarder(port, acceptedLocalAddress: null, _logger, HostPortPicker.Shared.Pick(ProtocolType.Tcp, $"forward-other/{port}")))).Value.Port;
    }

    /// <summary>The runtime's host address, asked once.</summary>
    public async Task<string> GetHostAddressAsync(CancellationToken cancellationToken)
    {
        if (_hostAddress is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_hostAddress is null)
            {
                var active = await _runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
                _hostAddress = await active.Runtime.GetHostAddressAsync(cancellationToken).ConfigureAwait(false);
            }

            return _hostAddress;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        foreach (var forwarder in _forwarders.Values.Concat(_otherRuntimeForwarders.Values).Where(f => f.IsValueCreated))
        {
            await forwarder.Value.DisposeAsync().ConfigureAwait(false);
        }

        _forwarders.Clear();
        _otherRuntimeForwarders.Clear();
    }
}
