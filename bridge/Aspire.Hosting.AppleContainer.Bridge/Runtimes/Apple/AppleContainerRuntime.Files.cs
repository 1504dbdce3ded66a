using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Files;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>
/// Container files (<see cref="RunSpec.Files"/>). Apple's runtime copies only into a running container
/// (ContainersService.copyIn@1.2.2:766-774 throws "container … is not running"), and its <c>copy</c>/<c>cp</c> verb
/// (ContainerCopy.swift@1.2.2:109) passes no owner and leaves the mode at ContainerClient.copyIn's 0644
/// (ContainerClient.swift@1.2.2:317), so nothing can be placed between <c>create</c> and the entrypoint. The container
/// runs a derived image instead: <c>FROM &lt;image&gt;</c> and <c>ADD files.tar /</c>, the tar DCP would copy (owners and
/// modes in its headers, which ADD keeps when it unpacks a local archive), built with <c>build</c> (the base image is
/// taken from the local store first: BuildImageResolver.swift@1.2.2:93, ClientImage.fetch at ClientImage.swift@1.2.2:354-369)
/// and tagged by a digest of the base image's id, the platform and the files, so an unchanged set is built once and reused.
/// </content>
internal sealed partial class AppleContainerRuntime
{
    /// <summary>The repository of the derived images.</summary>
    internal const string FilesImageRepository = "localhost/aspire-container-files";

    /// <summary>The label every derived image carries: the reference of the image it was built from.</summary>
    internal const string FilesImageBaseLabel = "com.microsoft.aspire.apple-container.files-base";

    /// <summary>The derived image each container this instance created runs, until it is removed.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _filesImages = new(StringComparer.Ordinal);

    /// <summary>The Dockerfile of a derived image.</summary>
    internal static string FilesDockerfile(string baseImage) => $"FROM {baseImage}\nADD files.tar /\n";

    /// <summary>The tag of the derived image for <paramref name="baseImageId"/> with <paramref name="filesDigest"/>.</summary>
    internal static string FilesImageTag(string baseImage, string baseImageId, string? platform, string filesDigest)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{baseImage}\0{baseImageId}\0{platform}\0{filesDigest}")));
        return $"{FilesImageRepository}:{Convert.ToHexString(key, 0, 16).ToLowerInvariant()}";
    }

    /// <summary><paramref name="spec"/> running the derived image that holds its files, built unless it exists.</summary>
    private async Task<RunSpec> WithFilesImageAsync(RunSpec spec, CancellationToken cancellationToken)
    {
        var baseImageId = await GetImageIdAsync(spec.Image, cancellationToken).ConfigureAwait(false)
            ?? throw new BridgeException(BridgeErrorCode.ImageNotFound, $"{Name} has no image '{spec.Image}' to place the files of '{spec.Name}' on.") { Runtime = Name, Option = "image" };
        var tag = FilesImageTag(spec.Image, baseImageId, spec.Platform, ContainerFilesDigest.Compute(spec.Files));
        if (!await ImageExistsAsync(tag, cancellationToken).ConfigureAwait(false))
        {
            var context = Directory.CreateTempSubdirectory("actr-files-");
            try
            {
                // The context may hold key material (server certificates): its directory is the owner's alone (mkdtemp,
                // 0700), the tar 0600, and both are deleted after the build.
                await File.WriteAllTextAsync(Path.Combine(context.FullName, "Dockerfile"), FilesDockerfile(spec.Image), cancellationToken).ConfigureAwait(false);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                await using (var archive = new FileStream(Path.Combine(context.FullName, "files.tar"), options))
                {
                    ContainerFilesArchive.Write(spec.Files, archive, DateTimeOffset.UtcNow);
                }

                await BuildImageAsync(new BuildSpec
                {
                    ContextDirectory = context.FullName,
                    Tags = [tag],
                    Platform = spec.Platform,
                    Labels = new Dictionary<string, string> { [FilesImageBaseLabel] = spec.Image },
                }, progress: null, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                context.Delete(recursive: true);
            }
        }

        return spec with { Image = tag, Files = [] };
    }

    /// <summary>
    /// Deletes a derived image once no container runs it: it may hold key material (server certificates), so it does not
    /// outlive the containers this instance created from it. A persistent container is never removed by the AppHost,
    /// so its image stays with it. Best effort: a failure leaves the image (it carries <see cref="FilesImageBaseLabel"/>).
    /// </summary>
    private async Task RemoveUnusedFilesImageAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            var containers = await ListAllAsync(cancellationToken).ConfigureAwait(false);
            if (containers.All(c => !string.Equals(c.Image, image, StringComparison.Ordinal)))
            {
                await _invoker.RunAsync(AppleArguments.ImageDelete(image), "remove the files image", cancellationToken).ConfigureAwait(false);
            }
        }
        catch (BridgeException)
        {
        }
    }
}
