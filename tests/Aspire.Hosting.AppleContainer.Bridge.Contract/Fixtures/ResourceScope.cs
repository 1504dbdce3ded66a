using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// One test's resources: unique names under the fixture's prefix, the session labels, and a LIFO list of cleanups
/// that runs when the scope is disposed, whether the test passed or failed. Cleanup failures never mask the test's.
/// </summary>
public sealed class ResourceScope : IAsyncDisposable
{
    private readonly Stack<(string What, Func<CancellationToken, Task> Cleanup)> _cleanups = new();
    private readonly string _stem;
    private int _counter;

    internal ResourceScope(RuntimeFixture fixture, string testName)
    {
        Fixture = fixture;
        _stem = Stem(testName);
    }

    /// <summary>The fixture this scope belongs to.</summary>
    public RuntimeFixture Fixture { get; }

    /// <summary>The runtime under test.</summary>
    internal IContainerRuntime Runtime => Fixture.Runtime;

    /// <summary>A new unique name: <c>{prefix}{test}-{n}</c>, valid for containers, volumes and image repositories.</summary>
    public string NewName() => $"{Fixture.NamePrefix}{_stem}-{Interlocked.Increment(ref _counter)}";

    /// <summary>The session labels plus <paramref name="extra"/>.</summary>
    public IReadOnlyDictionary<string, string> Labels(IReadOnlyDictionary<string, string>? extra = null)
    {
        var labels = new Dictionary<string, string>(Fixture.SessionLabels);
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            labels[key] = value;
        }

        return labels;
    }

    /// <summary>A spec for the service image with a new name and the session labels.</summary>
    internal RunSpec ServiceSpec(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? args = null) => new()
    {
        Name = NewName(),
        Image = Fixture.ServiceImage,
        Environment = environment ?? new Dictionary<string, string>(),
        Args = args ?? [],
        Labels = Labels(),
    };

    /// <summary>Creates a container and registers its forced removal; returns its id.</summary>
    internal async Task<string> CreateAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        TrackContainer(spec.Name);
        return await Runtime.CreateContainerAsync(spec, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates and starts a container; returns its id.</summary>
    internal async Task<string> RunAsync(RunSpec spec, CancellationToken cancellationToken = default)
    {
        var id = await CreateAsync(spec, cancellationToken).ConfigureAwait(false);
        await Runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);
        return id;
    }

    /// <summary>Registers the forced removal (with anonymous volumes) of a container by id or name.</summary>
    public void TrackContainer(string idOrName) =>
        Track($"container {idOrName}", ct => Runtime.RemoveContainerAsync(idOrName, force: true, removeVolumes: true, ct));

    /// <summary>Registers the removal of a container network (track it before the containers that join it: cleanup runs last-in first-out).</summary>
    public void TrackNetwork(string name) => Track($"network {name}", ct => Runtime.RemoveNetworkAsync(name, ct));

    /// <summary>Registers the removal of a named volume.</summary>
    public void TrackVolume(string name) => Track($"volume {name}", ct => Runtime.RemoveVolumeAsync(name, ct));

    /// <summary>
    /// Registers the removal of an image tag. Never forced: a forced removal takes every tag of the image and the
    /// containers using it, which may belong to others (the test images share layers and ids with derived tags).
    /// </summary>
    public void TrackImage(string image) => Track($"image {image}", ct => Runtime.RemoveImageAsync(image, force: false, ct));

    /// <summary>Registers the deletion of a file or directory on the host.</summary>
    public void TrackPath(string path) => Track($"path {path}", _ =>
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
        else
        {
            File.Delete(path);
        }

        return Task.CompletedTask;
    });

    /// <summary>Registers any cleanup; cleanups run last-registered first.</summary>
    public void Track(string what, Func<CancellationToken, Task> cleanup)
    {
        lock (_cleanups)
        {
            _cleanups.Push((what, cleanup));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            (string What, Func<CancellationToken, Task> Cleanup) next;
            lock (_cleanups)
            {
                if (!_cleanups.TryPop(out next))
                {
                    return;
                }
            }

            try
            {
                await next.Cleanup(limit.Token).ConfigureAwait(false);
            }
            catch (BridgeException ex) when (ex.Code is BridgeErrorCode.ContainerNotFound or BridgeErrorCode.VolumeNotFound or BridgeErrorCode.ImageNotFound)
            {
                // Already gone (the test removed it itself).
            }
            catch (Exception ex) when (ex is BridgeException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Never mask the test's own outcome (a fixture's CLI plumbing throws InvalidOperationException); the fixture's
                // session sweep catches what is left.
                Console.Error.WriteLine($"cleanup of {next.What} failed: {ex.Message}");
            }
        }
    }

    private static string Stem(string testName)
    {
        var builder = new StringBuilder();
        foreach (var c in testName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }

            if (builder.Length == 24)
            {
                break;
            }
        }

        return builder.ToString().Trim('-');
    }
}
