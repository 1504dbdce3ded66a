using System.Net;
using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Model;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Chooses the host ports of a resource's endpoints (on 127.0.0.1) and sets their localhost allocations before
/// DCP could, so that consumers resolve them and DCP leaves them alone.
/// </summary>
internal static class EndpointAllocator
{
    /// <summary>The address containers publish their ports on, and the address of every localhost allocation.</summary>
    public const string LoopbackAddress = "127.0.0.1";

    /// <summary>The container port of an endpoint: its target port, else the host port it asked for.</summary>
    public static int? GetContainerPort(IResource resource, EndpointAnnotation endpoint) =>
        endpoint.TargetPort ?? GetRequestedHostPort(resource, endpoint);

    /// <summary>The host port an endpoint asked for, whether still on the endpoint or moved to an annotation.</summary>
    public static int? GetRequestedHostPort(IResource resource, EndpointAnnotation endpoint) =>
        endpoint.Port ?? resource.Annotations.OfType<RequestedHostPortAnnotation>().LastOrDefault(a => a.EndpointName == endpoint.Name)?.Port;

    /// <summary>
    /// Allocates every endpoint of <paramref name="resource"/>: the requested host port, else the one in
    /// <paramref name="reusedPorts"/> (by container port, from a persistent container to reuse), else a free one,
    /// the same as in the AppHost's (<paramref name="appHostKey"/>) earlier runs while it is free.
    /// </summary>
    public static void AllocateLocalhost(IResourceWithEndpoints resource, string appHostKey, IReadOnlyDictionary<int, int>? reusedPorts = null)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            var containerPort = GetContainerPort(resource, endpoint) ?? throw new BridgeException(
                BridgeErrorCode.InvalidSpec,
                $"The endpoint '{endpoint.Name}' of '{resource.Name}' has neither a target port nor a port; give it a target port.") { Option = "publish" };
            var hostPort = GetRequestedHostPort(resource, endpoint)
                ?? (reusedPorts is not null && reusedPorts.TryGetValue(containerPort, out var reused)
                    ? reused
                    : HostPortPicker.Shared.Pick(endpoint.Protocol, $"{appHostKey}/{resource.Name}/{endpoint.Name}"));
            if (!RunSpecValidator.IsPort(hostPort))
            {
                continue; // Left unallocated: the bridge's validator fails this resource alone, with a coded error, when it starts.
            }

            endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
                KnownNetworkIdentifiers.LocalhostNetwork,
                new AllocatedEndpoint(endpoint, LoopbackAddress, hostPort, EndpointBindingMode.SingleAddress, containerPort.ToString(System.Globalization.CultureInfo.InvariantCulture), KnownNetworkIdentifiers.LocalhostNetwork));
        }
    }
}
