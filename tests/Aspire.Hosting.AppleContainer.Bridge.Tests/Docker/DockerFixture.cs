using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Docker;

/// <summary>
/// The contract suite's fixture for the OCI dialect on a real docker engine (the daemon eng/docker-daemon.sh starts for
/// the test command, or one that already answers; see <see cref="DockerEngine"/>).
/// </summary>
[RuntimeAvailability(typeof(DockerAvailability))]
public sealed class DockerFixture : RuntimeFixture, IAsyncLifetime
{
    private readonly Stack<Func<ValueTask>> _cleanups = new();

    /// <summary>Creates the fixture; the docker CLI of every process it starts reaches the same daemon.</summary>
    public DockerFixture()
    {
        foreach (var (key, value) in DockerEngine.CliEnvironment)
        {
            Environment.SetEnvironmentVariable(key, value);
        }
    }

    /// <summary>The docker CLI.</summary>
    public string DockerPath { get; } = DockerEngine.CliPath ?? ExecutableLocator.FromEnvironment().Find("docker") ?? "docker";

    /// <inheritdoc />
    internal override Task<IContainerRuntime> CreateRuntimeAsync() =>
        Task.FromResult<IContainerRuntime>(new OciContainerRuntime("docker", DockerPath));

    /// <summary>
    /// docker pulls only from a registry: pushes the busybox image as <paramref name="localName"/> to the local registry
    /// (at <c>localhost</c>, which docker treats as an insecure registry, so the name is its own reference), removes it
    /// locally, and returns it: pulling it brings it back.
    /// </summary>
    public override async Task<string> CreatePullableImageAsync(string localName, ResourceScope scope, CancellationToken cancellationToken)
    {
        if (LocalRegistry.SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var registry = await LocalRegistry.AcquireAsync();
        _cleanups.Push(async () => await registry.DisposeAsync());
        scope.TrackImage(localName);
        await DockerAsync(["image", "tag", BusyboxImage, localName], cancellationToken);
        await DockerAsync(["image", "push", localName], cancellationToken);
        await DockerAsync(["image", "rm", localName], cancellationToken);
        return localName;
    }

    /// <inheritdoc />
    public override Task ForgetRegistryLoginAsync(string registry, CancellationToken cancellationToken) =>
        DockerAsync(["logout", registry], cancellationToken);

    /// <summary>Runs docker directly (fixture plumbing, not the code under test).</summary>
    internal async Task<ProcessResult> DockerAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(
            new ProcessRequest { FileName = DockerPath, Arguments = arguments, Timeout = TimeSpan.FromMinutes(2) },
            cancellationToken);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"docker {string.Join(' ', arguments)} failed: {result.StandardError}");
    }

    /// <inheritdoc />
    Task IAsyncLifetime.InitializeAsync() => DockerEngine.SkipReason is null ? InitializeAsync() : Task.CompletedTask;

    /// <summary>Sweeps the session, then releases the registry.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (DockerEngine.SkipReason is not null)
        {
            return;
        }

        try
        {
            await DisposeAsync();
        }
        finally
        {
            while (_cleanups.TryPop(out var cleanup))
            {
                await cleanup();
            }
        }
    }
}
