using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Images: exists (one or many), id, pull, build, remove.</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        return await InspectImagesAsync(_arguments.ImageInspect(image), "inspect the image", _ => true, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks><c>image inspect --format {{.Id}}</c>: podman prints the hex id, docker <c>sha256:</c> and the hex id.</remarks>
    public async Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        var arguments = _arguments.ImageInspect(image);
        string? id = null;
        if (!await InspectImagesAsync(arguments, "inspect the image", output => (id = output.Trim()).Length > 0, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return id;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One <c>image inspect</c> of every reference: when it succeeds with one id line per reference, all exist. When any
    /// is missing the CLI names it only in its error text, so the references are then asked about one by one.
    /// </remarks>
    public Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default) =>
        ImageQuery.FindAsync(this, images, AllImagesExistAsync, cancellationToken);

    private Task<bool> AllImagesExistAsync(IReadOnlyList<string> images, CancellationToken cancellationToken) =>
        InspectImagesAsync(
            _arguments.ImageInspect(images),
            "inspect the images",
            output => output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == images.Count,
            cancellationToken);

    /// <summary>
    /// Runs an <c>image inspect</c>: on success, whether <paramref name="found"/> holds for what it printed (one id line
    /// per image); false when it fails as not found; any other failure is thrown.
    /// </summary>
    private async Task<bool> InspectImagesAsync(IReadOnlyList<string> arguments, string description, Func<string, bool> found, CancellationToken cancellationToken)
    {
        var result = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return found(result.StandardOutput);
        }

        var error = Fail(arguments, result, description);
        return error.Code == BridgeErrorCode.ImageNotFound ? false : throw error;
    }

    /// <inheritdoc />
    /// <remarks>Without <paramref name="platform"/> the CLI pulls the host's platform by itself.</remarks>
    public Task PullImageAsync(string image, string? platform = null, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        return _invoker.RunWithProgressAsync(_arguments.Pull(image, platform), "pull", "pull the image", progress, cancellationToken);
    }

    /// <inheritdoc />
    public async Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Tags.Count == 0)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, "A build needs at least one tag.") { Option = "tag", Runtime = Name };
        }

        using var secrets = SecretFiles.Create(spec.Secrets, spec.SecretFiles);
        try
        {
            // docker's classic builder knows no --secret: a build with secrets asks for BuildKit (with CLI 23 and later it
            // needs the buildx component; without it the CLI says so, classified as builder_unavailable). podman's
            // buildah takes secrets as it is.
            var environment = _flavor == OciFlavor.Docker && secrets.Paths.Count > 0
                ? new Dictionary<string, string?> { ["DOCKER_BUILDKIT"] = "1" }
                : null;
            await _invoker.RunWithProgressAsync(_arguments.Build(spec, secrets.Paths), "build", "build the image", progress, cancellationToken, environment: environment).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.CliFailed)
        {
            throw ex.WithCode(BridgeErrorCode.BuildFailed);
        }
    }

    /// <inheritdoc />
    public async Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        await _invoker.RunAsync(_arguments.RemoveImage(image, force), "remove the image", cancellationToken).ConfigureAwait(false);
    }
}
