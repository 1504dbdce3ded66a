using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

#pragma warning disable ASPIREPIPELINES003 // ContainerBuildOptions and ContainerTargetPlatform are experimental in Aspire 13.6.5.

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// The build's target platform from the resource's <c>WithContainerBuildOptions</c> callbacks
/// (<see cref="ContainerBuildOptionsCallbackAnnotation"/>), run in order as DCP's path runs them before a build
/// (ContainerCreator.ApplyBuildArgumentsAsync, ResourceExtensions.ProcessContainerBuildOptionsCallbackAsync) and
/// spelled as DCP spells <c>Spec.Build.Platform</c> (ContainerCreator.ToDcpPlatformString): <c>os/arch</c> values
/// joined by ',', which <c>--platform</c> takes on docker, podman and Apple (BuildCommand.swift@1.2.2:110-115).
/// </summary>
internal static class BuildPlatforms
{
    private static readonly (ContainerTargetPlatform Flag, string Name)[] Names =
    [
        (ContainerTargetPlatform.LinuxAmd64, "linux/amd64"),
        (ContainerTargetPlatform.LinuxArm64, "linux/arm64"),
        (ContainerTargetPlatform.LinuxArm, "linux/arm"),
        (ContainerTargetPlatform.Linux386, "linux/386"),
        (ContainerTargetPlatform.WindowsAmd64, "windows/amd64"),
        (ContainerTargetPlatform.WindowsArm64, "windows/arm64"),
    ];

    /// <summary>The platform the callbacks chose, or null when none chose one (the runtime builds for the host).</summary>
    public static async Task<string?> ResolveAsync(IResource resource, IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        if (!resource.TryGetAnnotationsOfType<ContainerBuildOptionsCallbackAnnotation>(out var annotations))
        {
            return null;
        }

        var executionContext = services.GetService<DistributedApplicationExecutionContext>() ?? new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run);
        var context = new ContainerBuildOptionsCallbackContext(resource, services, logger, cancellationToken, executionContext);
        foreach (var annotation in annotations)
        {
            await annotation.Callback(context).ConfigureAwait(false);
        }

        return context.TargetPlatform is { } platform ? Format(platform, resource.Name) : null;
    }

    /// <summary><paramref name="platform"/>'s flags as <c>os/arch</c> values joined by ','.</summary>
    public static string Format(ContainerTargetPlatform platform, string resourceName)
    {
        var names = Names.Where(n => platform.HasFlag(n.Flag)).Select(n => n.Name).ToList();
        return names.Count > 0
            ? string.Join(",", names)
            : throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The build target platform '{platform}' of '{resourceName}' names no known platform.") { Option = "platform" };
    }
}
