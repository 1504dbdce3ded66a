using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A scripted bridge runtime for the publish path: it records the build, tag, push, login, save, load and remove calls
/// (as <c>verb argument…</c> lines in <see cref="Calls"/>, the build's spec in <see cref="Builds"/>), reports two
/// progress lines per push, and fails the calls of an operation given to <see cref="Fail"/>. What it does not script
/// fails loudly (<see cref="UnusedContainerRuntime"/>).
/// </summary>
internal sealed class PublishingRuntime(string name) : UnusedContainerRuntime, IContainerRuntimeProvider
{
    private readonly ConcurrentDictionary<string, BridgeException> _failures = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override RuntimeCapabilities Capabilities { get; } = new()
    {
        ReportsExitCodes = true, RequiresExplicitHostPort = false, RejectsPrivilegedPortsOnLoopback = false,
        SupportsFractionalCpus = true, SupportsNetworkAliases = true, SupportsTmpfs = true, SupportsExecCancellation = true,
    };

    /// <summary>Every call, in order, as <c>verb argument…</c>.</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The specs of the builds.</summary>
    public ConcurrentQueue<BuildSpec> Builds { get; } = new();

    /// <summary>The passwords logins were given.</summary>
    public ConcurrentQueue<string> Passwords { get; } = new();

    /// <summary>What a load reports it loaded.</summary>
    public IReadOnlyList<string> LoadedReferences { get; set; } = [];

    /// <summary>Whether detection reports the runtime running.</summary>
    public bool IsRunning { get; set; } = true;

    /// <summary>The calls of <paramref name="operation"/> fail with <paramref name="failure"/> from now on.</summary>
    public void Fail(string operation, BridgeException failure) => _failures[operation] = failure;

    /// <inheritdoc />
    public Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new ActiveRuntime(this, Info()));

    /// <inheritdoc />
    public override Task<RuntimeInfo> DetectAsync(CancellationToken cancellationToken = default) => Task.FromResult(Info());

    /// <inheritdoc />
    public override Task BuildImageAsync(BuildSpec spec, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        Builds.Enqueue(spec);
        return Record("build", spec.Tags[0]);
    }

    /// <inheritdoc />
    public override Task TagImageAsync(string source, string target, CancellationToken cancellationToken = default) => Record("tag", source, target);

    /// <inheritdoc />
    public override Task RemoveImageAsync(string image, bool force = false, CancellationToken cancellationToken = default) => Record("rmi", image);

    /// <inheritdoc />
    public override async Task PushImageAsync(string image, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        await Record("push", image);
        progress?.Report(new ProgressEvent("push", "Copying blob 1 of 2"));
        progress?.Report(new ProgressEvent("push", "Writing manifest to image destination"));
    }

    /// <inheritdoc />
    public override Task LoginToRegistryAsync(string registry, string username, string password, CancellationToken cancellationToken = default)
    {
        Passwords.Enqueue(password);
        return Record("login", registry, username);
    }

    /// <inheritdoc />
    public override Task SaveImagesAsync(IReadOnlyList<string> images, string archivePath, CancellationToken cancellationToken = default) =>
        Record("save", [.. images, archivePath]);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<string>> LoadImagesAsync(string archivePath, CancellationToken cancellationToken = default)
    {
        Assert.True(File.Exists(archivePath), $"The archive {archivePath} to load does not exist.");
        await Record("load", archivePath);
        return LoadedReferences;
    }

    private RuntimeInfo Info() => new() { Name = name, IsRunning = IsRunning, Capabilities = Capabilities, ExecutablePath = "/bin/false" };

    private Task Record(string operation, params string[] arguments)
    {
        Calls.Enqueue(string.Join(' ', [operation, .. arguments]));
        return _failures.TryGetValue(operation, out var failure) ? Task.FromException(failure) : Task.CompletedTask;
    }
}
