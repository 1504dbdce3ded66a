using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Model;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Takes the container resources the integration runs (see <see cref="ContainerTakeover"/>) away from DCP in run mode
/// and hands them to the <see cref="ContainerOrchestrator"/>. It runs before any <c>BeforeStartEvent</c> handler (before DCP attaches
/// anything): it stashes each resource's image annotation (DCP runs whatever has one), keeps requested host ports off
/// the endpoints (DCP's proxy would bind them), adds the lifecycle commands and the URLs DCP's containers show, then in <c>BeforeStartEvent</c> lets the
/// orchestrator select the runtime while Aspire starts DCP and allocates endpoints (on localhost, and on DCP's container
/// network when DCP still runs containers, see <see cref="DcpContainerNetwork"/>), and starts each resource when Aspire
/// initialises it. Publish mode is left untouched.
/// </summary>
internal sealed class OrchestratorEventingSubscriber(
    DistributedApplicationModel model,
    ContainerOrchestrator orchestrator,
    IContainerRuntimeProvider runtimes,
    AppHostSession session,
    ContainerTakeover takeover,
    ContainerNetworkAllocator network,
    HostGateway gateway,
    IConfiguration configuration,
    ILogger<OrchestratorEventingSubscriber> logger) : IDistributedApplicationEventingSubscriber
{
    /// <inheritdoc />
    public Task SubscribeAsync(IDistributedApplicationEventing eventing, DistributedApplicationExecutionContext executionContext, CancellationToken cancellationToken)
    {
        if (!executionContext.IsRunMode)
        {
            return Task.CompletedTask;
        }

        var resources = takeover.SelectResources(model);
        network.Network?.SetMembers(resources);
        foreach (var resource in resources)
        {
            TakeOverFromDcp(resource);
            LifecycleCommands.Add(resource, orchestrator);
            DashboardUrls.Add(resource);
            eventing.Subscribe<InitializeResourceEvent>(resource, (e, _) =>
            {
                orchestrator.Initialize(resource, e);
                return Task.CompletedTask;
            });
        }

        eventing.Subscribe<BeforeStartEvent>(async (_, ct) =>
        {
            if (resources.Count > 0)
            {
                orchestrator.Prepare(resources);
            }

            foreach (var resource in resources)
            {
                var reused = RunSpecFactory.IsPersistent(resource) ? await FindPersistentPortsAsync(resource, ct).ConfigureAwait(false) : null;
                try
                {
                    EndpointAllocator.AllocateLocalhost(resource, session.AppHostKey, reused);
                }
                catch (BridgeException ex)
                {
                    logger.LogError("{Message}", ex.Message);
                }
            }

            if (resources.Count > 0 && DcpContainerNetwork.HasDcpContainers(model))
            {
                var hostName = DcpContainerNetwork.GetHostName(configuration);
                foreach (var resource in resources)
                {
                    await DcpContainerNetwork.AllocateAsync(resource, hostName, gateway, ct).ConfigureAwait(false);
                }
            }
        });
        return Task.CompletedTask;
    }

    /// <summary>Removes what would make DCP run the resource, keeping it where the orchestrator and publish mode find it.</summary>
    internal static void TakeOverFromDcp(ContainerResource resource)
    {
        foreach (var image in resource.Annotations.OfType<ContainerImageAnnotation>().ToList())
        {
            resource.Annotations.Remove(image);
            resource.Annotations.Add(new StashedContainerImageAnnotation(image));
        }

        foreach (var endpoint in resource.Annotations.OfType<EndpointAnnotation>().ToList())
        {
            if (endpoint.Port is { } port)
            {
                resource.Annotations.Add(new RequestedHostPortAnnotation(endpoint.Name, port));
                endpoint.Port = null;
            }
        }
    }

    /// <summary>The host ports (by container port) of this AppHost's persistent container for the resource, so a reuse keeps its endpoints.</summary>
    private async Task<Dictionary<int, int>?> FindPersistentPortsAsync(ContainerResource resource, CancellationToken cancellationToken)
    {
        try
        {
            var active = await runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
            var labels = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ContainerLabels.Managed] = "true",
                [ContainerLabels.AppHost] = session.AppHostKey,
                [ContainerLabels.Resource] = resource.Name,
                [ContainerLabels.Lifetime] = ContainerLabels.PersistentLifetime,
            };
            var existing = (await active.Runtime.ListContainersAsync(labels, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            return existing?.Ports.Where(p => p.HostPort is not null)
                .GroupBy(p => p.ContainerPort)
                .ToDictionary(g => g.Key, g => g.First().HostPort!.Value);
        }
        catch (BridgeException)
        {
            return null; // The resource reports the runtime problem when it starts.
        }
    }
}
