using Aspire.Hosting.AppleContainer;
using Aspire.Hosting.AppleContainer.Takeover;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Aspire.Hosting;

/// <summary>
/// The one-line switch that runs an application's existing container resources on Apple's native <c>container</c>
/// runtime (or podman/docker elsewhere) instead of handing them to Aspire's orchestrator (DCP).
/// </summary>
public static class AppleContainerRuntimeBuilderExtensions
{
    /// <summary>
    /// In run mode, runs every container resource of the application through this integration: those added with
    /// <c>AddContainer</c>, <c>AddDockerfile</c> and the integrations built on them (<c>AddRedis</c>,
    /// <c>AddPostgres</c>...), whether added before or after this call. Their endpoints, environment, arguments, mounts,
    /// lifetimes, container names, health checks and references keep working. Publish mode is untouched: manifests and
    /// deployment targets see the same containers as without this call.
    /// </summary>
    /// <remarks>
    /// The configuration value <c>ASPIRE_APPLECONTAINER_ALL_CONTAINERS</c> (<c>true</c>/<c>false</c>, e.g. an
    /// environment variable) overrides this call either way. Containers that only a resource's <c>RunAsContainer</c>
    /// turns into containers (emulators that are not <c>ContainerResource</c>s) stay with DCP.
    /// </remarks>
    /// <param name="builder">The application builder.</param>
    /// <returns>The application builder.</returns>
    public static IDistributedApplicationBuilder UseAppleContainerRuntime(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        AppleContainerServiceRegistration.AddAppleContainerServices(builder);
        builder.Services.TryAddSingleton<ContainerTakeoverRequest>();
        return builder;
    }
}
