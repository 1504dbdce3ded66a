using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// Decides which container resources the integration runs in run mode: always those added with
/// <c>AddAppleContainer</c>; every other <see cref="ContainerResource"/> with an image (<c>AddContainer</c>,
/// <c>AddDockerfile</c>, <c>AddRedis</c>, <c>AddPostgres</c>...) when <c>UseAppleContainerRuntime()</c> was called or
/// the configuration value <see cref="ConfigurationKey"/> is <c>true</c>. The configuration value wins both ways, so
/// <c>false</c> hands those resources back to DCP without a code change.
/// </summary>
internal sealed class ContainerTakeover(IConfiguration configuration, IEnumerable<ContainerTakeoverRequest> requests)
{
    /// <summary>The configuration key (an environment variable of the same name works): <c>true</c> or <c>false</c>.</summary>
    public const string ConfigurationKey = "ASPIRE_APPLECONTAINER_ALL_CONTAINERS";

    /// <summary>Whether every container resource is run by the integration.</summary>
    public bool IsEnabled => configuration[ConfigurationKey] is { Length: > 0 } value
        ? ParseSwitch(value)
        : requests.Any();

    /// <summary>The resources of <paramref name="model"/> the integration runs, in model order.</summary>
    public IReadOnlyList<ContainerResource> SelectResources(DistributedApplicationModel model)
    {
        var all = IsEnabled;
        return [.. model.Resources.OfType<ContainerResource>().Where(r => r is AppleContainerResource || (all && IsRunnableContainer(r)))];
    }

    /// <summary>A container that DCP would run: it has an image (a Dockerfile build sets one too).</summary>
    public static bool IsRunnableContainer(ContainerResource resource) => resource.HasAnnotationOfType<ContainerImageAnnotation>();

    private static bool ParseSwitch(string value) => value.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new BridgeException(
            BridgeErrorCode.InvalidSpec,
            $"The configuration value {ConfigurationKey}='{value}' is not a switch; use true or false.") { Option = ConfigurationKey },
    };
}
