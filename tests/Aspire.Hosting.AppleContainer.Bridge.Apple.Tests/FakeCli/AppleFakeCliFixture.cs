using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>
/// The contract suite's fixture for the Apple dialect on the fake <c>container</c> CLI: a private state directory, a
/// simulated macOS 26 Apple-silicon host, and the two test images pulled from the fake's built-in registry.
/// </summary>
[RuntimeAvailability(typeof(FakeAppleCliAvailability))]
public sealed class AppleFakeCliFixture : RuntimeFixture, IAsyncLifetime
{
    /// <summary>The simulated host: macOS 26 on Apple silicon.</summary>
    public static AppleHostPlatform SimulatedMac { get; } = new(true, new Version(26, 0), Architecture.Arm64);

    /// <summary>The fake CLI.</summary>
    public string CliPath { get; } = FakeAppleCliLocator.Find() ?? "container";

    /// <summary>The fake's state directory (one per fixture).</summary>
    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), $"actr-fake-apple-{Guid.NewGuid():N}");

    /// <summary>The environment that points the fake at <see cref="StateDirectory"/>.</summary>
    public IReadOnlyDictionary<string, string?> CliEnvironment => new Dictionary<string, string?> { ["ACTR_FAKE_CONTAINER_STATE"] = StateDirectory };

    /// <inheritdoc />
    public override string SuiteName => base.SuiteName + "-apple";

    /// <summary>Creates a runtime over this fixture's fake state.</summary>
    public AppleContainerRuntime CreateRuntime(AppleContainerRuntimeOptions? options = null) =>
        new(CliPath, (options ?? new AppleContainerRuntimeOptions()) with { Host = SimulatedMac, Environment = CliEnvironment });

    /// <inheritdoc />
    protected override async Task<IContainerRuntime> CreateRuntimeAsync()
    {
        Directory.CreateDirectory(StateDirectory);
        await CliAsync(["image", "pull", BusyboxImage], CancellationToken.None);
        await CliAsync(["image", "pull", ServiceImage], CancellationToken.None);
        return CreateRuntime();
    }

    /// <summary>Registers <paramref name="localName"/> in the fake's registry (as the busybox image) and returns it to pull.</summary>
    public override Task<string> CreatePullableImageAsync(string localName, ResourceScope scope, CancellationToken cancellationToken)
    {
        var registry = Path.Combine(StateDirectory, "registry");
        Directory.CreateDirectory(registry);
        var file = Path.Combine(registry, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(localName))) + ".json");
        File.WriteAllText(file, $"{{\"from\":\"{BusyboxImage}\"}}");
        scope.TrackPath(file);
        return Task.FromResult(localName);
    }

    /// <summary>Runs the fake CLI directly (fixture plumbing, not the code under test).</summary>
    public async Task<ProcessResult> CliAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.Default.RunAsync(
            new ProcessRequest { FileName = CliPath, Arguments = arguments, Environment = CliEnvironment, Timeout = TimeSpan.FromMinutes(1) },
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"container {string.Join(' ', arguments)} failed: {result.StandardError}");
        }

        return result;
    }

    /// <inheritdoc />
    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    /// <summary>Sweeps the session, removes every container of the fake (ending its processes) and the state directory.</summary>
    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        try
        {
            await CliAsync(["delete", "--all", "--force"], CancellationToken.None);
        }
        finally
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
