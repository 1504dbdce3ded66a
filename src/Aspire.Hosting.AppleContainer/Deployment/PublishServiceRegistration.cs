using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

#pragma warning disable ASPIRECONTAINERRUNTIME001 // Aspire's container runtime abstraction is experimental in 13.6.5.
#pragma warning disable ASPIREPIPELINES003 // IResourceContainerImageManager is experimental in 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>
/// Puts the publish pipeline on the bridge: Aspire's <see cref="IContainerRuntimeResolver"/> (registered by
/// DistributedApplicationBuilder@13.6.5 before any user code runs) is replaced, and Aspire's
/// <see cref="IResourceContainerImageManager"/> is decorated (its implementation is created as Aspire registered it).
/// </summary>
internal static class PublishServiceRegistration
{
    /// <summary>Replaces the resolver and decorates the image manager (once).</summary>
    public static void Add(IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Singleton<IContainerRuntimeResolver, BridgeContainerRuntimeResolver>());

        var manager = services.LastOrDefault(d => d.ServiceType == typeof(IResourceContainerImageManager) && !d.IsKeyedService);
        if (manager is null || manager.ImplementationType == typeof(AppleProjectImageManager))
        {
            return;
        }

        services.Remove(manager);
        services.AddSingleton<IResourceContainerImageManager>(provider => new AppleProjectImageManager(
            Create(provider, manager),
            provider.GetRequiredService<IContainerRuntimeResolver>(),
            provider.GetRequiredService<ILogger<AppleProjectImageManager>>()));
    }

    private static IResourceContainerImageManager Create(IServiceProvider provider, ServiceDescriptor descriptor) => descriptor switch
    {
        { ImplementationInstance: IResourceContainerImageManager instance } => instance,
        { ImplementationFactory: { } factory } => (IResourceContainerImageManager)factory(provider),
        { ImplementationType: { } type } => (IResourceContainerImageManager)ActivatorUtilities.CreateInstance(provider, type),
        _ => throw new InvalidOperationException("Aspire's image manager registration could not be read."),
    };
}
