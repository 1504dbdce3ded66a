using System.Runtime.InteropServices;
using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// The contract suite's fixture for the Apple dialect on the Apple CLI emulator: real containers on podman, a state of its
/// own (swept when a previous run left one behind), a simulated macOS 26 Apple-silicon host, and the shared local
/// registry for the pull contract. Disposal runs the session sweep, removes every container and volume of the state
/// (through the emulator, then by label) and the state itself, last-created first.
/// </summary>
[RuntimeAvailability(typeof(AppleEmulatorAvailability))]
public sealed class AppleEmulatorFixture : RuntimeFixture, IAsyncLifetime
{
    private readonly Stack<Func<Task>> _cleanups = new();

    /// <summary>The simulated host: macOS 26 on Apple silicon.</summary>
    internal static AppleHostPlatform SimulatedMac { get; } = new(true, new Version(26, 0), Architecture.Arm64);

    /// <summary>The emulator.</summary>
    public string CliPath => AppleEmulator.CliPath;

    /// <summary>This fixture's emulator state.</summary>
    public EmulatorStateDirectory State { get; private set; } = null!;

    /// <inheritdoc />
    public override string SuiteName => base.SuiteName + "-apple";

    /// <summary>Creates a runtime over this fixture's state.</summary>
    internal AppleContainerRuntime CreateRuntime(AppleContainerRuntimeOptions? options = null) =>
        new(CliPath, (options ?? new AppleContainerRuntimeOptions()) with { Host = SimulatedMac, Environment = State.Environment });

    /// <inheritdoc />
    internal override Task<IContainerRuntime> CreateRuntimeAsync() => Task.FromResult<IContainerRuntime>(CreateRuntime());

    /// <summary>
    /// Pushes the busybox image as <paramref name="localName"/> to the local registry (at <c>localhost</c>, so the name is its
    /// own registry reference), removes it locally, and returns it: pulling it brings it back from the registry.
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
        await CliAsync(["image", "tag", BusyboxImage, localName], cancellationToken);
        await CliAsync(["image", "push", localName], cancellationToken);
        await CliAsync(["image", "delete", localName], cancellationToken);
        return localName;
    }

    /// <inheritdoc />
    /// <remarks><c>registry logout</c> (RegistryLogout.swift@1.2.2); the emulator keeps credentials in its state, removed with it.</remarks>
    public override Task ForgetRegistryLoginAsync(string registry, CancellationToken cancellationToken) =>
        CliAsync(["registry", "logout", registry], cancellationToken);

    /// <summary>Runs the emulator directly (fixture plumbing, not the code under test).</summary>
    internal async Task<ProcessResult> CliAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(
            new ProcessRequest { FileName = CliPath, Arguments = arguments, Environment = State.Environment, Timeout = TimeSpan.FromMinutes(2) },
            cancellationToken);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException($"container {string.Join(' ', arguments)} failed: {result.StandardError}");
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.InitializeAsync()
    {
        if (AppleEmulator.SkipReason is not null)
        {
            return;
        }

        await EmulatorStateDirectory.SweepStaleAsync();
        State = EmulatorStateDirectory.Create();
        _cleanups.Push(State.RemoveAsync);
        await InitializeAsync();
    }

    /// <inheritdoc />
    async Task IAsyncLifetime.DisposeAsync()
    {
        if (AppleEmulator.SkipReason is not null)
        {
            return;
        }

        var failures = new List<Exception>();
        try
        {
            await DisposeAsync();
        }
        catch (Exception ex) when (ex is BridgeException or InvalidOperationException)
        {
            failures.Add(ex);
        }

        while (_cleanups.TryPop(out var cleanup))
        {
            try
            {
                await cleanup();
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
            {
                failures.Add(ex);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("The emulator fixture's cleanup failed.", failures);
        }
    }
}
