using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.Testing;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// One container runtime the integration's real-runtime suites run on (podman, Apple's dialect on the emulator, docker).
/// A class fixture: each suite is written once as a generic base and sealed per runtime, the way the runtime contract
/// suite is. It says how an AppHost selects the runtime (in process and as a child process) and gives the bridge on it
/// for the tests' own checks and cleanup.
/// </summary>
public abstract class TestRuntime : IAsyncLifetime
{
    private Lazy<Task<IContainerRuntime>>? _bridge;

    /// <summary>A short name for messages and resource prefixes (<c>podman</c>, <c>apple-emulator</c>, <c>docker</c>).</summary>
    public abstract string Name { get; }

    /// <summary>The value of <see cref="RuntimeSelectionOptions.RuntimeVariable"/> that selects it.</summary>
    public abstract string Selection { get; }

    /// <summary>The CLI to select, when not the one on PATH.</summary>
    public virtual string? CliPath => null;

    /// <summary>Whether the runtime reports the exit codes of containers it did not start attached (not Apple's for persistent ones).</summary>
    public virtual bool ReportsPersistentExitCodes => true;

    /// <summary>Environment the runtime's CLI needs in every process that calls it (the AppHost, its watchdog).</summary>
    public virtual IReadOnlyDictionary<string, string?> CliEnvironment { get; } = new Dictionary<string, string?>();

    /// <summary>The settings (configuration keys and environment variables alike) that make an AppHost use this runtime.</summary>
    public IReadOnlyDictionary<string, string?> AppHostSettings
    {
        get
        {
            var settings = new Dictionary<string, string?>(CliEnvironment, StringComparer.Ordinal)
            {
                [RuntimeSelectionOptions.RuntimeVariable] = Selection,
            };
            if (CliPath is not null)
            {
                settings[RuntimeSelectionOptions.ExecutablePathVariable] = CliPath;
            }

            return settings;
        }
    }

    /// <summary>The bridge on this runtime, selected as an AppHost selects it.</summary>
    internal Task<IContainerRuntime> BridgeAsync() =>
        (_bridge ??= new Lazy<Task<IContainerRuntime>>(() => ContainerRuntimeSelector.SelectAsync(new RuntimeSelectionOptions { Runtime = Selection, ExecutablePath = CliPath }))).Value;

    /// <summary>The command line the runtime recorded for creating the container, where it keeps one (podman); else null.</summary>
    public virtual Task<string?> RecordedCreateCommandAsync(string containerId) => Task.FromResult<string?>(null);

    /// <summary>Makes an in-process AppHost use this runtime.</summary>
    public void Configure(IDistributedApplicationTestingBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in AppHostSettings)
        {
            builder.Configuration[key] = value;
        }
    }

    /// <summary>Applies <see cref="AppHostSettings"/> to a child AppHost process's environment.</summary>
    public void Configure(IDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        foreach (var (key, value) in AppHostSettings)
        {
            environment[key] = value;
        }
    }

    /// <inheritdoc />
    public virtual Task InitializeAsync()
    {
        // The CLI inherits the test process's environment when an in-process AppHost calls it.
        foreach (var (key, value) in CliEnvironment)
        {
            Environment.SetEnvironmentVariable(key, value);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => Name;
}
