using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>
/// A runtime for task tests: it records image queries and builds, answers <see cref="ImageExistsAsync"/> and
/// <see cref="FindImagesAsync"/> from <see cref="Images"/> (or fails them with <see cref="QueryError"/>, as a runtime
/// that stopped would), and plays <see cref="BuildOutput"/> as builder progress before failing with
/// <see cref="BuildError"/> (when set) or adding the tags to <see cref="Images"/>. The tasks use nothing else.
/// </summary>
internal sealed class ScriptedImageRuntime(string name = "podman") : UnusedContainerRuntime
{
    public override string Name { get; } = name;

    public ConcurrentDictionary<string, bool> Images { get; } = new(StringComparer.Ordinal);

    /// <summary>Each image query (one image for <see cref="ImageExistsAsync"/>, several for <see cref="FindImagesAsync"/>).</summary>
    public ConcurrentQueue<IReadOnlyList<string>> ImageQueries { get; } = new();

    public BridgeException? QueryError { get; set; }

    public ConcurrentQueue<BuildSpec> Builds { get; } = new();

    public IReadOnlyList<string> BuildOutput { get; set; } = [];

    public BridgeException? BuildError { get; set; }

    public override Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken = default)
    {
        ImageQueries.Enqueue([image]);
        return QueryError is { } error ? Task.FromException<bool>(error) : Task.FromResult(Images.ContainsKey(image));
    }

    public override Task<IReadOnlySet<string>> FindImagesAsync(IReadOnlyCollection<string> images, CancellationToken cancellationToken = default)
    {
        ImageQueries.Enqueue([.. images]);
        return QueryError is { } error
            ? Task.FromException<IReadOnlySet<string>>(error)
            : Task.FromResult<IReadOnlySet<string>>(images.Where(Images.ContainsKey).ToHashSet(StringComparer.Ordinal));
    }

    public override async Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        Builds.Enqueue(spec);
        foreach (var line in BuildOutput)
        {
            // Progress arrives on another thread, as it does from the process runner.
            await Task.Run(() => progress?.Report(new ProgressEvent("build", line)), cancellationToken);
        }

        if (BuildError is not null)
        {
            throw BuildError;
        }

        foreach (var tag in spec.Tags)
        {
            Images[tag] = true;
        }
    }
}
