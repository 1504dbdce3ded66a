using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Publishing;

#pragma warning disable ASPIREPROJECTS001 // IDotnetProgramResource is experimental in Aspire 13.6.5.
#pragma warning disable ASPIREPIPELINES003 // Container build options are experimental in Aspire 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>
/// A stand-in for a .NET program resource that Aspire's own image manager builds into an OCI archive instead of a
/// local registry: it carries the program's annotations (project metadata, build environment, base image, build
/// options) and, last, a build-options callback that sets the destination to <see cref="ContainerImageDestination.Archive"/>
/// at <see cref="ArchivePath"/> in OCI format. Aspire then runs the very <c>dotnet publish /t:PublishContainer</c> it
/// runs for docker and podman, with <c>-p:ContainerArchiveOutputPath</c> and <c>-p:ContainerImageFormat=OCI</c> in
/// place of <c>-p:LocalRegistry</c> (ResourceContainerImageManager.ExecuteDotnetPublishAsync@13.6.5). The program's own
/// annotations are not changed.
/// </summary>
internal sealed class ArchiveBuildResource : IDotnetProgramResource
{
    /// <summary>Copies <paramref name="program"/>'s annotations and adds the archive destination <paramref name="archivePath"/>.</summary>
    public ArchiveBuildResource(IResource program, string archivePath)
    {
        Name = program.Name;
        ArchivePath = archivePath;
        foreach (var annotation in program.Annotations)
        {
            Annotations.Add(annotation);
        }

        Annotations.Add(new ContainerBuildOptionsCallbackAnnotation(context =>
        {
            ImageName = context.LocalImageName ?? program.Name;
            ImageTag = context.LocalImageTag ?? "latest";
            context.Destination = ContainerImageDestination.Archive;
            context.OutputPath = archivePath;
            context.ImageFormat = ContainerImageFormat.Oci;
        }));
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <summary>The archive file the SDK writes (<c>.tar.gz</c>, so Aspire passes it as an explicit file path).</summary>
    public string ArchivePath { get; }

    /// <summary>The local image name Aspire's build options chose (known once the build ran its callbacks).</summary>
    public string? ImageName { get; private set; }

    /// <summary>The local image tag Aspire's build options chose (known once the build ran its callbacks).</summary>
    public string? ImageTag { get; private set; }
}
