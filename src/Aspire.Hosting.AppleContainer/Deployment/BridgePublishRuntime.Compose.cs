using Aspire.Hosting.Publishing;

#pragma warning disable ASPIRECONTAINERRUNTIME001 // Aspire's container runtime abstraction is experimental in 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <content>
/// Compose and image inspection: Apple's <c>container</c> has no compose (Sources/ContainerCommands@1.2.2 has no such
/// command), so it fails with a coded diagnostic naming what to use; podman and docker hand both to Aspire's own runtime
/// of that name, which behaves as it does without this integration.
/// </content>
internal sealed partial class BridgePublishRuntime
{
    /// <inheritdoc />
    public Task ComposeUpAsync(ComposeOperationContext context, CancellationToken cancellationToken) =>
        IsApple ? throw PublishDiagnostics.ComposeUnsupported("up") : AspireOwn().ComposeUpAsync(context, cancellationToken);

    /// <inheritdoc />
    public Task ComposeDownAsync(ComposeOperationContext context, CancellationToken cancellationToken) =>
        IsApple ? throw PublishDiagnostics.ComposeUnsupported("down") : AspireOwn().ComposeDownAsync(context, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ComposeServiceInfo>?> ComposeListServicesAsync(ComposeOperationContext context, CancellationToken cancellationToken) =>
        IsApple ? throw PublishDiagnostics.ComposeUnsupported("ps") : AspireOwn().ComposeListServicesAsync(context, cancellationToken);

    /// <summary>Apple's CLI has no image-config inspection Aspire can read: unsupported there; podman and docker answer as Aspire's own runtime does.</summary>
    public Task<ContainerImageConfigInspectionResult> InspectImageConfigAsync(string imageName, CancellationToken cancellationToken) =>
        IsApple ? Task.FromResult(ContainerImageConfigInspectionResult.Unsupported) : AspireOwn().InspectImageConfigAsync(imageName, cancellationToken);

    /// <summary>Apple's CLI has no manifest inspection: unsupported there; podman and docker answer as Aspire's own runtime does.</summary>
    public Task<ContainerImageManifestInspectionResult> InspectImageManifestAsync(string imageName, CancellationToken cancellationToken) =>
        IsApple ? Task.FromResult(ContainerImageManifestInspectionResult.Unsupported) : AspireOwn().InspectImageManifestAsync(imageName, cancellationToken);
}
