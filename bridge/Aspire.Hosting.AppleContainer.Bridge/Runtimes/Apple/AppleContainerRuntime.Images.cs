using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Images: exists (one or many), id, pull, build (builder aware), remove.</content>
internal sealed partial class AppleContainerRuntime
{
    private static readonly TimeSpan LongOperation = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        return await InspectImagesAsync(AppleArguments.ImageInspect(image), "inspect the image", images => images.Count > 0, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The <c>id</c> of the ImageResource <c>image inspect</c> prints: the hex part of the digest of the image's index
    /// descriptor (Sources/ContainerResource/Image/ImageResource.swift@1.2.2:75, encoded at :121).
    /// </remarks>
    public async Task<string?> GetImageIdAsync(string image, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        string? id = null;
        var found = await InspectImagesAsync(AppleArguments.ImageInspect(image), "inspect the image", images =>
        {
            id = images.Count > 0 ? images[0].Id : null;
            return !string.IsNullOrEmpty(id);
        }, cancellationToken).ConfigureAwait(false);
        return found ? id : null;
    }

    /// <inheritdoc />
    /// <remarks>
    /// One <c>image inspect</c> of every reference (it takes several and fails as not found, naming only in its error
    /// text which, when any is missing: ImageInspect.swift @1.0.0). When it succeeds with one image per reference, all
    /// exist; otherwise the references are asked about one by one.
    /// </remarks>
    public Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default) =>
        ImageQuery.FindAsync(this, images, AllImagesExistAsync, cancellationToken);

    private Task<bool> AllImagesExistAsync(IReadOnlyList<string> images, CancellationToken cancellationToken) =>
        InspectImagesAsync(AppleArguments.ImageInspect(images), "inspect the images", found => found.Count == images.Count, cancellationToken);

    /// <summary>
    /// Runs an <c>image inspect</c>: on success, whether <paramref name="found"/> holds for the images it printed; false
    /// when it fails as not found; any other failure is thrown.
    /// </summary>
    private async Task<bool> InspectImagesAsync(
        IReadOnlyList<string> arguments, string description, Func<IReadOnlyList<(string Name, string Id, IReadOnlyDictionary<string, string> Labels)>, bool> found, CancellationToken cancellationToken)
    {
        var result = await _invoker.RunUncheckedAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode == 0)
        {
            return found(AppleImageParser.Parse(result.StandardOutput));
        }

        var error = Fail(arguments, result, description);
        return error.Code == BridgeErrorCode.ImageNotFound ? false : throw error;
    }

    /// <inheritdoc />
    /// <remarks>Without <paramref name="platform"/> the host's is asked for (<c>linux/arm64</c> on Apple silicon), never every platform.</remarks>
    public async Task PullImageAsync(string image, string? platform = null, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        var arguments = AppleArguments.ImagePull(image, platform ?? _options.Host.LinuxPlatform);
        await _invoker.RunWithProgressAsync(arguments, "pull", "pull the image", progress, cancellationToken, LongOperation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>build</c> needs the BuildKit builder VM (BuildCommand.swift @1.0.0 dials "buildkit" and starts it when absent).
    /// The builder is checked with <c>builder status</c> and started with <c>builder start</c> through the VM gate first,
    /// so a builder that cannot start fails as <see cref="BridgeErrorCode.BuilderUnavailable"/> with its remedy.
    /// </remarks>
    public async Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Tags.Count == 0)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, "A build needs at least one tag.") { Option = "tag", Runtime = Name };
        }

        await EnsureBuilderAsync(cancellationToken).ConfigureAwait(false);
        using var secrets = SecretFiles.Create(spec.Secrets, spec.SecretFiles);
        try
        {
            await _invoker.RunWithProgressAsync(AppleArguments.Build(spec, secrets.Paths, FromCliEnvironment), "build", "build the image", progress, cancellationToken, LongOperation).ConfigureAwait(false);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.CliFailed)
        {
            throw ex.WithCode(BridgeErrorCode.BuildFailed);
        }
    }

    /// <summary>A variable as a CLI call would see it: the options' environment over the AppHost's.</summary>
    private string? FromCliEnvironment(string name) =>
        _options.Environment.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    /// <inheritdoc />
    /// <remarks><c>image delete --force</c> only ignores missing images (ImageDelete.swift @1.0.0), so it is never passed.</remarks>
    public async Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        if (!await ImageExistsAsync(image, cancellationToken).ConfigureAwait(false))
        {
            throw new BridgeException(BridgeErrorCode.ImageNotFound, $"{Name} has no image '{image}'.") { Runtime = Name };
        }

        await _invoker.RunAsync(AppleArguments.ImageDelete(image), "remove the image", cancellationToken).ConfigureAwait(false);
    }

    private async Task EnsureBuilderAsync(CancellationToken cancellationToken)
    {
        var status = await _invoker.RunAsync(AppleArguments.BuilderStatus(), "ask for the builder's status", cancellationToken).ConfigureAwait(false);
        if (AppleContainerParser.Parse(status.StandardOutput, "builder status").Any(b => b.State == ContainerState.Running))
        {
            return;
        }

        using (await _gate.EnterAsync(cancellationToken).ConfigureAwait(false))
        {
            var arguments = AppleArguments.BuilderStart();
            var result = await _invoker.RunUncheckedAsync(arguments, cancellationToken, TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                var error = Fail(arguments, result, "start the builder");
                throw new BridgeException(BridgeErrorCode.BuilderUnavailable, error.Message, error)
                {
                    Runtime = Name, Arguments = error.Arguments, ExitCode = error.ExitCode, StandardError = error.StandardError,
                    Hint = error.Code == BridgeErrorCode.RuntimeNotRunning ? error.Hint : AppleErrorClassifier.BuilderStartHint,
                };
            }
        }
    }
}
