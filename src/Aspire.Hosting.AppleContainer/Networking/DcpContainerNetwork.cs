using System.Net.Sockets;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// Lets the containers DCP still runs (any <see cref="ContainerResource"/> this integration does not take over)
/// reference this integration's endpoints. DCP resolves their references on
/// <see cref="KnownNetworkIdentifiers.DefaultAspireContainerNetwork"/> and waits until the endpoint has an allocation
/// there, which DCP never makes for a resource it does not run; this gives each endpoint the one DCP gives a host
/// resource (DcpModelUtilities <c>AddExecutableContainerNetworkAllocatedEndpoint</c>): the host name DCP's containers
/// reach the host by, and a port that reaches the endpoint's 127.0.0.1 listener from there (a forwarder, as our ports
/// are published on loopback only).
/// </summary>
internal static class DcpContainerNetwork
{
    /// <summary>Whether the model has containers DCP runs: ours carry no image annotation once taken over.</summary>
    public static bool HasDcpContainers(DistributedApplicationModel model) =>
        model.Resources.OfType<ContainerResource>().Any(r => r.HasAnnotationOfType<ContainerImageAnnotation>());

    /// <summary>
    /// The host name DCP gives its containers for the host, as DcpExecutor's <c>ContainerHostName</c>:
    /// <c>AppHost:ContainerHostname</c> when set, else the name of the runtime DCP drives (<c>ASPIRE_CONTAINER_RUNTIME</c>;
    /// unset, DCP prefers docker and falls back to podman when only podman is installed).
    /// </summary>
    public static string GetHostName(IConfiguration configuration, Func<string, bool>? isInstalled = null)
    {
        if (configuration["AppHost:ContainerHostname"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var runtime = configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DcpPublisher:ContainerRuntime"];
        isInstalled ??= name => ExecutableLocator.FromEnvironment().Find(name) is not null;
        var podman = runtime is not null
            ? string.Equals(runtime, "podman", StringComparison.OrdinalIgnoreCase)
            : !isInstalled("docker") && isInstalled("podman");
        return podman ? "host.containers.internal" : "host.docker.internal";
    }

    /// <summary>Allocates every endpoint of <paramref name="resource"/> that has its localhost allocation on DCP's container network.</summary>
    public static async Task AllocateAsync(IResource resource, string hostName, HostGateway gateway, CancellationToken cancellationToken)
    {
        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>())
        {
            if (endpoint.AllAllocatedEndpoints.FirstOrDefault(a => a.NetworkID == KnownNetworkIdentifiers.LocalhostNetwork)?.Snapshot is not { IsValueSet: true } snapshot)
            {
                continue; // Not allocated: the resource fails with a coded error when it starts.
            }

            var local = await snapshot.GetValueAsync(cancellationToken).ConfigureAwait(false);
            // DCP reaches host resources over TCP only; a UDP endpoint keeps its published port.
            var port = endpoint.Protocol == ProtocolType.Tcp ? gateway.ExposeToOtherRuntime(local.Port) : local.Port;
            endpoint.AllAllocatedEndpoints.AddOrUpdateAllocatedEndpoint(
                KnownNetworkIdentifiers.DefaultAspireContainerNetwork,
                new AllocatedEndpoint(endpoint, hostName, port, EndpointBindingMode.SingleAddress, local.TargetPortExpression, KnownNetworkIdentifiers.DefaultAspireContainerNetwork));
        }
    }
}
