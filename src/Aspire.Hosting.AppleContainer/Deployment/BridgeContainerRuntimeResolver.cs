using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using AspireRuntime = Aspire.Hosting.Publishing.IContainerRuntime;

#pragma warning disable ASPIRECONTAINERRUNTIME001 // Aspire's container runtime abstraction is experimental in 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>
/// Replaces Aspire's <c>ContainerRuntimeResolver</c> while the integration is active: the publish pipeline builds, tags
/// and pushes through the bridge's selected runtime (<see cref="BridgePublishRuntime"/>), unless the user named
/// Aspire's own runtime with <c>DcpPublisher:ContainerRuntime</c> or <c>ASPIRE_CONTAINER_RUNTIME</c>
/// (<c>DOTNET_ASPIRE_CONTAINER_RUNTIME</c>), read in the order Aspire reads them (ConfigureDefaultDcpOptions@13.6.5):
/// then Aspire's keyed runtime of that name is returned, exactly as its resolver does. The first result is kept; a
/// canceled resolution is tried again.
/// </summary>
internal sealed class BridgeContainerRuntimeResolver : IContainerRuntimeResolver
{
    private readonly IServiceProvider _services;
    private readonly IConfiguration _configuration;
    private readonly IContainerRuntimeProvider _runtimes;
    private readonly ILogger _logger;
    private readonly object _lock = new();
    private Task<AspireRuntime>? _resolved;

    /// <summary>Creates the resolver.</summary>
    public BridgeContainerRuntimeResolver(IServiceProvider services, IConfiguration configuration, IContainerRuntimeProvider runtimes, ILoggerFactory loggerFactory)
    {
        _services = services;
        _configuration = configuration;
        _runtimes = runtimes;
        _logger = loggerFactory.CreateLogger("Aspire.Hosting.AppleContainer.Deployment");
    }

    /// <inheritdoc />
    public Task<AspireRuntime> ResolveAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_resolved is null || _resolved.IsCanceled || _resolved.IsFaulted)
            {
                _resolved = ResolveCoreAsync(cancellationToken);
            }

            return _resolved;
        }
    }

    /// <summary>Aspire's runtime setting, as Aspire reads it, or null when none is set.</summary>
    internal static string? ConfiguredAspireRuntime(IConfiguration configuration)
    {
        var section = configuration["DcpPublisher:ContainerRuntime"];
        if (!string.IsNullOrEmpty(section))
        {
            return section;
        }

        return configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"];
    }

    private async Task<AspireRuntime> ResolveCoreAsync(CancellationToken cancellationToken)
    {
        if (ConfiguredAspireRuntime(_configuration) is { } key)
        {
            _logger.LogInformation(
                "Publishing uses Aspire's own container runtime '{RuntimeKey}': ASPIRE_CONTAINER_RUNTIME (or DcpPublisher:ContainerRuntime) names it, which wins over Aspire.Hosting.AppleContainer's runtime.",
                key);
            return _services.GetRequiredKeyedService<AspireRuntime>(key);
        }

        ActiveRuntime active;
        try
        {
            active = await _runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex)
        {
            throw BridgePublishRuntime.ToPipelineException(ex);
        }

        var options = RuntimeSelectionOptions.FromSettings(name => _configuration[name]);
        _logger.LogInformation(
            "Publishing builds, tags and pushes images through Aspire.Hosting.AppleContainer's runtime: {Choice} (set ASPIRE_CONTAINER_RUNTIME to use Aspire's own docker or podman runtime instead).",
            ContainerRuntimeSelector.DescribeChoice(options, active.Info));
        return new BridgePublishRuntime(active, _services, _services.GetRequiredService<ILoggerFactory>().CreateLogger<BridgePublishRuntime>());
    }
}
