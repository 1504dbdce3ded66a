using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Gives the endpoints a container references an allocation on <see cref="AppleContainerNetwork"/>, resolved as DCP
/// resolves references on its container network: an endpoint of another container on the <see cref="SessionNetwork"/>
/// is that container's alias (<c>&lt;name&gt;.dev.internal</c>) and its target port, over the network itself, TCP and
/// UDP alike; anything else (projects, executables, DCP's containers, or every endpoint when the runtime has no
/// session network) is reached through the host once its localhost allocation exists: the runtime's host address and a
/// port that reaches that localhost listener (see <see cref="HostGateway"/>). Only endpoints some container references
/// are allocated.
/// </summary>
internal sealed class ContainerNetworkAllocator(HostGateway gateway, SessionNetwork? network = null)
{
    private readonly ConcurrentDictionary<EndpointAnnotation, Lazy<Task>> _allocations = new();

    /// <summary>The session network the integration's containers join, if any.</summary>
    public SessionNetwork? Network => network;

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
        if (network?.FindOwner(endpoint) is { } owner
            && EndpointAllocator.GetContainerPort(owner, endpoint) is { } targetPort
            && await network.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false) is not null)
        {
            endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
                AppleContainerNetwork.Id,
                new AllocatedEndpoint(endpoint, SessionNetwork.GetAddress(owner), targetPort, EndpointBindingMode.SingleAddress,
                    targetPort.ToString(CultureInfo.InvariantCulture), AppleContainerNetwork.Id));
            return;
        }

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
