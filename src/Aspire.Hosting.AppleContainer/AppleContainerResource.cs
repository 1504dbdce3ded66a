namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A container that Aspire.Hosting.AppleContainer runs itself in run mode, on Apple's <c>container</c> runtime or on
/// podman/docker, instead of handing it to Aspire's orchestrator (DCP). In publish mode it is an ordinary
/// <see cref="ContainerResource"/>, so manifests and deployment targets see a plain container.
/// </summary>
/// <param name="name">The resource name.</param>
/// <param name="entrypoint">An optional entrypoint overriding the image's.</param>
public class AppleContainerResource(string name, string? entrypoint = null) : ContainerResource(name, entrypoint)
{
}
