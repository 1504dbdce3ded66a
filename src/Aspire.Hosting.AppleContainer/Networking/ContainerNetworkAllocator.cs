using System.Collections.Concurrent;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Gives the endpoints a container references an allocation on <see cref="AppleContainerNetwork"/>: once the
/// endpoint's localhost allocation exists (ours before start, DCP's when DCP reports it), its container-side address
/// is the runtime's host address and a port that reaches that localhost listener (see <see cref="HostGateway"/>).
/// Containers of this integration publish their ports on 127.0.0.1 too, so container-to-container references take
/// the same path, which works on every runtime whether or not it has network aliases. Only endpoints some
/// container references are exposed.
/// </summary>
internal sealed class ContainerNetworkAllocator(HostGateway gateway)
{
    private readonly ConcurrentDictionary<EndpointAnnotation, Lazy<Task>> _allocations = new();

    /// <summary>Allocates every endpoint that <paramref name="value"/> (an unprocessed configuration value) refers to.</summary>
    public Task EnsureAllocatedAsync(object? value, CancellationToken cancellationToken) =>
        Task.WhenAll(ReferencedEndpoints.Find(value).Select(endpoint => EnsureAllocatedAsync(endpoint, cancellationToken)));

    /// <summary>
    /// Allocates <paramref name="endpoint"/> on the container network once; later calls share that allocation, and
    /// canceling one caller's wait does not cancel it for the others.
    /// </summary>
    public Task EnsureAllocatedAsync(EndpointAnnotation endpoint, CancellationToken cancellationToken) =>
        _allocations.GetOrAdd(endpoint, e => new Lazy<Task>(() => AllocateAsync(e))).Value.WaitAsync(cancellationToken);

    /// <summary>A host URL (Aspire's <c>HostUrl</c>) as a container reaches it (see <see cref="HostUrls"/>).</summary>
    public Task<string> ResolveHostUrlAsync(string url, CancellationToken cancellationToken) =>
        HostUrls.ForContainerAsync(url, gateway, cancellationToken);

    private async Task AllocateAsync(EndpointAnnotation endpoint)
    {
        var local = await endpoint.AllAllocatedEndpoints
            .GetAllocatedEndpointAsync(KnownNetworkIdentifiers.LocalhostNetwork, CancellationToken.None).ConfigureAwait(false);
        var (address, port) = endpoint.Protocol == ProtocolType.Tcp
            ? await gateway.ExposeAsync(local.Port, CancellationToken.None).ConfigureAwait(false)
            : (await gateway.GetHostAddressAsync(CancellationToken.None).ConfigureAwait(false), local.Port);
        endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
            AppleContainerNetwork.Id,
            new AllocatedEndpoint(endpoint, address, port, EndpointBindingMode.SingleAddress, local.TargetPortExpression, AppleContainerNetwork.Id));
    }
}
