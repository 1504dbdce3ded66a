using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>A private emulator state for one test; disposing it removes every container, volume and helper of it, and the state.</summary>
public sealed class EmulatorSandbox : IAsyncDisposable
{
    /// <summary>The service image.</summary>
    public const string ServiceImage = "localhost/actr-test/service:latest";

    /// <summary>The busybox image.</summary>
    public const string BusyboxImage = "localhost/actr-test/busybox:latest";

    /// <summary>The emulator.</summary>
    public string CliPath { get; } = AppleEmulator.CliPath;

    /// <summary>The state.</summary>
    public EmulatorStateDirectory State { get; } = EmulatorStateDirectory.Create();

    /// <summary>The environment pointing the emulator at <see cref="State"/>.</summary>
    public IReadOnlyDictionary<string, string?> Environment => State.Environment;

    /// <summary>A runtime over this state on a simulated macOS 26 Apple-silicon host.</summary>
    internal AppleContainerRuntime Runtime(AppleContainerRuntimeOptions? options = null, string? cliPath = null) =>
        new(cliPath ?? CliPath, (options ?? new AppleContainerRuntimeOptions()) with { Host = AppleEmulatorFixture.SimulatedMac, Environment = Environment });

    /// <summary>Runs the emulator directly.</summary>
    internal Task<ProcessResult> CliAsync(params string[] arguments) =>
        ProcessRunner.Default.RunAsync(new ProcessRequest { FileName = CliPath, Arguments = arguments, Environment = Environment, Timeout = TimeSpan.FromMinutes(2) });

    /// <summary>Runs the emulator directly with <paramref name="input"/> on its standard input and extra environment.</summary>
    internal Task<ProcessResult> CliWithInputAsync(string? input, IReadOnlyDictionary<string, string?>? environment, params string[] arguments)
    {
        var merged = new Dictionary<string, string?>(Environment);
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return ProcessRunner.Default.RunAsync(new ProcessRequest { FileName = CliPath, Arguments = arguments, Environment = merged, StandardInput = input, Timeout = TimeSpan.FromMinutes(2) });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await State.RemoveAsync();
}
