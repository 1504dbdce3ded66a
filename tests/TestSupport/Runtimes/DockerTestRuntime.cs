using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// docker, the CLI on PATH, on the daemon <see cref="DockerEngine"/> finds: the one that answers, else the one
/// eng/docker-daemon.sh started (the test command starts it when none answers).
/// </summary>
[RuntimeAvailability(typeof(DockerTestRuntimeAvailability))]
public sealed class DockerTestRuntime : TestRuntime
{
    /// <inheritdoc />
    public override string Name => "docker";

    /// <inheritdoc />
    public override string Selection => "docker";

    /// <inheritdoc />
    public override string? CliPath => DockerEngine.CliPath;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> CliEnvironment { get; } = DockerEngine.CliEnvironment;
}

/// <summary>Skips only where docker's engine is not installed (eng/install-prereqs.sh installs it; CI always has it).</summary>
public sealed class DockerTestRuntimeAvailability : RuntimeAvailability
{
    /// <inheritdoc />
    protected override string? ProbeSkipReason() => DockerEngine.SkipReason;
}
