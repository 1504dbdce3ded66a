namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <content>Registry and archive verbs: tag, push, login, save, load.</content>
internal sealed partial class AppleContainerRuntime
{
    /// <inheritdoc />
    /// <remarks>A missing source fails in ClientImage.get with "image with reference …" (ClientImage.swift@1.2.2:185-191): image_not_found.</remarks>
    public async Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(source);
        RunSpecValidator.ValidateImageReference(target);
        await _invoker.RunAsync(AppleArguments.ImageTag(source, target), "tag the image", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Plain progress lines on stderr; the pushed reference on stdout (ImagePush.swift@1.2.2:59-82). An internal registry is
    /// spoken to with <c>--scheme http</c> (<see cref="AppleArguments.ImagePush"/>).
    /// </remarks>
    public async Task PushImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        await _invoker.RunWithProgressAsync(AppleArguments.ImagePush(image), "push", "push the image", progress, cancellationToken, LongOperation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>registry login --password-stdin</c>: the CLI reads the password from stdin to its end and keeps it in the login
    /// keychain (RegistryLogin.swift@1.2.2:52-98), where later pushes and pulls find it (ImagesService.swift@1.2.2:414-447).
    /// </remarks>
    public async Task LoginToRegistryAsync(string registry, string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        // The CLI builds "<scheme>://<server>" itself, so a server given as a URL (https://host) is passed as its domain.
        await _invoker.RunAsync(AppleArguments.RegistryLogin(RegistryHost.DomainOf(registry), username), "log in to the registry", cancellationToken, standardInput: password, secrets: [password]).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>One OCI archive of every reference (ImageSave.swift@1.2.2); a missing one fails the call ("failed to save image(s)").</remarks>
    public async Task SaveImagesAsync(IReadOnlyList<string> images, string archivePath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        if (images.Count == 0)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, "A save needs at least one image.") { Runtime = Name };
        }

        foreach (var image in images)
        {
            RunSpecValidator.ValidateImageReference(image);
        }

        await _invoker.RunAsync(AppleArguments.ImageSave(images, Path.GetFullPath(archivePath)), "save the images", cancellationToken, LongOperation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>image load --input</c> prints each loaded image's reference on its own line of stdout, after the unpack
    /// (ImageLoad.swift@1.2.2:108-110); a missing file is logged as "file does not exist" and exits 1 (lines 54-59).
    /// </remarks>
    public async Task<IReadOnlyList<string>> LoadImagesAsync(string archivePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        var result = await _invoker.RunAsync(AppleArguments.ImageLoad(Path.GetFullPath(archivePath)), "load the images", cancellationToken, LongOperation).ConfigureAwait(false);
        return [.. result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];
    }
}
