namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Registry and archive verbs: tag, push, login, save, load.</content>
internal sealed partial class OciContainerRuntime
{
    /// <summary>The time limit of a save or load (archives of large images take long; a push or pull has none).</summary>
    private static readonly TimeSpan LongOperation = TimeSpan.FromMinutes(30);

    /// <inheritdoc />
    public async Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(source);
        RunSpecValidator.ValidateImageReference(target);
        await _invoker.RunAsync(_arguments.Tag(source, target), "tag the image", cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// podman prints its progress ("Copying blob …") on stderr, docker its layer lines on stdout; both are reported.
    /// On podman a registry on an internal host gets <c>--tls-verify=false</c> (<see cref="OciArguments.Push"/>).
    /// </remarks>
    public Task PushImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        RunSpecValidator.ValidateImageReference(image);
        return _invoker.RunWithProgressAsync(_arguments.Push(image), "push", "push the image", progress, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// <c>login --password-stdin</c>: the password is the CLI's standard input, and it is redacted from the log and from any
    /// error (a CLI could echo it back). podman keeps the credentials in its auth file, docker in its config.json.
    /// </remarks>
    public async Task LoginToRegistryAsync(string registry, string username, string password, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registry);
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        await _invoker.RunAsync(_arguments.Login(registry, username), "log in to the registry", cancellationToken, standardInput: password, secrets: [password]).ConfigureAwait(false);
    }

    /// <inheritdoc />
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

        await _invoker.RunAsync(_arguments.Save(images, Path.GetFullPath(archivePath)), "save the images", cancellationToken, LongOperation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>The references come from the lines <c>load</c> prints (<see cref="OciLoadParser"/>).</remarks>
    public async Task<IReadOnlyList<string>> LoadImagesAsync(string archivePath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(archivePath);
        var result = await _invoker.RunAsync(_arguments.Load(Path.GetFullPath(archivePath)), "load the images", cancellationToken, LongOperation).ConfigureAwait(false);
        return OciLoadParser.Parse(result.StandardOutput);
    }
}
