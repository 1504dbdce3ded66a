namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <content>Registry and archive verbs: tag, push, login, save, load (being built: issue 16).</content>
internal sealed partial class OciContainerRuntime
{
    /// <inheritdoc />
    public Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default) => throw NotYet("tag");

    /// <inheritdoc />
    public Task PushImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default) => throw NotYet("push");

    /// <inheritdoc />
    public Task LoginToRegistryAsync(string registry, string username, string password, CancellationToken cancellationToken = default) => throw NotYet("login");

    /// <inheritdoc />
    public Task SaveImagesAsync(IReadOnlyList<string> images, string archivePath, CancellationToken cancellationToken = default) => throw NotYet("save");

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> LoadImagesAsync(string archivePath, CancellationToken cancellationToken = default) => throw NotYet("load");

    private BridgeException NotYet(string verb) => new(BridgeErrorCode.UnsupportedOption, $"{Name}: image {verb} is not implemented yet.") { Runtime = Name };
}
