using Aspire.Hosting.AppleContainer.Cleanup;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.Deployment;
using Aspire.Hosting.AppleContainer.Takeover;
using Aspire.Hosting.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.AppleContainer;

/// <summary>Registers the run-mode services, and puts the publish pipeline on the bridge, once per application builder.</summary>
internal static class AppleContainerServiceRegistration
{
    /// <summary>Adds the orchestrator and its collaborators (idempotent).</summary>
    public static void AddAppleContainerServices(IDistributedApplicationBuilder builder)
    {
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ContainerOrchestrator)))
        {
            return;
        }

        services.TryAddSingleton<IContainerRuntimeProvider, SelectedContainerRuntimeProvider>();
        services.TryAddSingleton<AppHostSession>();
        services.TryAddSingleton<HostGateway>();
        services.TryAddSingleton<SessionNetwork>();
        services.TryAddSingleton<ContainerNetworkAllocator>();
        services.TryAddSingleton<SessionGuard>();
        services.TryAddSingleton<ContainerTakeover>();
        services.AddSingleton<ContainerOrchestrator>();
        services.TryAddEventingSubscriber<OrchestratorEventingSubscriber>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OrchestratorShutdownService>());
        PublishServiceRegistration.Add(services);
    }
}
