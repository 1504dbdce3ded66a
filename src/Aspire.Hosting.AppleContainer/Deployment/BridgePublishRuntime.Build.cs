using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.Logging;

#pragma warning disable ASPIRECONTAINERRUNTIME001 // Aspire's container runtime abstraction is experimental in 13.6.5.
#pragma warning disable ASPIREPIPELINES003 // ContainerImageBuildOptions and its enums are experimental in 13.6.5.

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <content>Building an image from a Dockerfile, and saving it to an archive when the build options ask for one.</content>
internal sealed partial class BridgePublishRuntime
{
    /// <summary>
    /// Builds through the bridge: build arguments (a null value is passed by name, for the build to take from the
    /// environment), environment and file secrets (values never on an argv), the stage and the target platform. With
    /// an output path the image is then saved to <c>&lt;output&gt;/&lt;name-tag&gt;.tar</c>, the file Aspire's own runtimes write
    /// and <see cref="Aspire.Hosting.ApplicationModel.ContainerImageReference"/> hands on (ResourceExtensions.GetContainerImageArchivePath).
    /// </summary>
    public async Task BuildImageAsync(
        string contextPath,
        string dockerfilePath,
        ContainerImageBuildOptions? options,
        Dictionary<string, string?> buildArguments,
        Dictionary<string, BuildImageSecretValue> buildSecrets,
        string? stage,
        CancellationToken cancellationToken)
    {
        var spec = CreateBuildSpec(contextPath, dockerfilePath, options, buildArguments, buildSecrets, stage);
        var image = spec.Tags[0];
        var progress = new LoggerProgress(_logger, Name, image, LogLevel.Debug);
        await RunAsync(() => Runtime.BuildImageAsync(spec, progress, cancellationToken), [.. spec.Secrets.Values]).ConfigureAwait(false);
        _logger.LogInformation("{Runtime} build for {ImageName} succeeded.", Name, image);

        if (!string.IsNullOrEmpty(options?.OutputPath))
        {
            var archive = ArchivePath(options.OutputPath, image);
            Directory.CreateDirectory(options.OutputPath);
            await RunAsync(() => Runtime.SaveImagesAsync([image], archive, cancellationToken)).ConfigureAwait(false);
            _logger.LogInformation("{Runtime} saved {ImageName} to {ArchivePath}.", Name, image, archive);
        }
    }

    /// <summary>The bridge's spec for Aspire's build call (argument checks as Aspire's podman runtime makes them).</summary>
    internal static BuildSpec CreateBuildSpec(
        string contextPath,
        string dockerfilePath,
        ContainerImageBuildOptions? options,
        IReadOnlyDictionary<string, string?> buildArguments,
        IReadOnlyDictionary<string, BuildImageSecretValue> buildSecrets,
        string? stage)
    {
        if (string.IsNullOrEmpty(options?.ImageName))
        {
            throw new ArgumentException("ImageName must be provided in options.", nameof(options));
        }

        if (options.ImageFormat == ContainerImageFormat.Oci && string.IsNullOrEmpty(options.OutputPath))
        {
            throw new ArgumentException("OutputPath must be provided when ImageFormat is Oci.", nameof(options));
        }

        var image = string.IsNullOrEmpty(options.Tag) ? options.ImageName : $"{options.ImageName}:{options.Tag}";
        var environmentSecrets = new Dictionary<string, string>(StringComparer.Ordinal);
        var fileSecrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (id, secret) in buildSecrets)
        {
            if (secret.Type == BuildImageSecretType.File)
            {
                fileSecrets[id] = secret.Value ?? throw new ArgumentException($"The file build secret '{id}' names no file.", nameof(buildSecrets));
            }
            else if ((secret.Value ?? Environment.GetEnvironmentVariable(id.ToUpperInvariant())) is { } value)
            {
                environmentSecrets[id] = value;
            }
        }

        return new BuildSpec
        {
            ContextDirectory = contextPath,
            Dockerfile = dockerfilePath,
            Tags = [image],
            BuildArgs = buildArguments.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => a.Value!, StringComparer.Ordinal),
            BuildArgsFromEnvironment = [.. buildArguments.Where(a => a.Value is null).Select(a => a.Key)],
            Secrets = environmentSecrets,
            SecretFiles = fileSecrets,
            Target = string.IsNullOrEmpty(stage) ? null : stage,
            Platform = options.TargetPlatform is { } platform ? BuildPlatforms.Format(platform, options.ImageName) : null,
        };
    }

    /// <summary>
    /// Where Aspire's runtimes write the archive of <paramref name="image"/> (<c>name:tag</c>) under
    /// <paramref name="outputPath"/>: its reference with <c>/</c> and <c>:</c> turned into <c>-</c>, plus <c>.tar</c>
    /// (ResourceExtensions.GetContainerImageArchivePath@13.6.5).
    /// </summary>
    internal static string ArchivePath(string outputPath, string image) =>
        Path.Combine(outputPath, image.Replace('/', '-').Replace(':', '-') + ".tar");
}
