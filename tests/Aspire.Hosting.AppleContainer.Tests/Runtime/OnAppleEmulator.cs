using Aspire.Hosting.AppleContainer.TestSupport;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

// The orchestrator's real-runtime suites on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).

/// <summary>Everyday orchestration on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorMultiResourceAppTests(MultiResourceAppFixture<AppleEmulatorTestRuntime> fixture) : MultiResourceAppTests<AppleEmulatorTestRuntime>(fixture);

/// <summary>Persistent lifetimes on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorLifetimeTests(AppleEmulatorTestRuntime runtime) : LifetimeTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>A killed or interrupted AppHost on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorCrashCleanupTests(AppleEmulatorTestRuntime runtime) : CrashCleanupTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Dockerfile builds on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorDockerfileTests(AppleEmulatorTestRuntime runtime) : DockerfileTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Failed and inspected starts on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorFailedStartTests(AppleEmulatorTestRuntime runtime) : FailedStartTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>The session sweep on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorSessionSweepTests(AppleEmulatorTestRuntime runtime) : SessionSweepTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Aspire's own container resources taken over, on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorTakeoverAppTests(TakeoverAppFixture<AppleEmulatorTestRuntime> fixture) : TakeoverAppTests<AppleEmulatorTestRuntime>(fixture);

/// <summary>A container's OTLP span on the dashboard, on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorOtlpDashboardTests(AppleEmulatorTestRuntime runtime, Xunit.Abstractions.ITestOutputHelper output) : OtlpDashboardTests<AppleEmulatorTestRuntime>(runtime, output);

/// <summary>WithContainerFiles on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorContainerFilesAppTests(AppleEmulatorTestRuntime runtime) : ContainerFilesAppTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Certificate trust and server certificates on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorCertificateTests(AppleEmulatorTestRuntime runtime) : CertificateTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Container networking on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorContainerNetworkTests(AppleEmulatorTestRuntime runtime) : ContainerNetworkTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>
/// Publishing (build, tag, push) through Apple's dialect on the Apple CLI emulator: the emulator's call journal
/// (<c>ACTR_APPLE_EMULATOR_CALL_LOG</c>) shows that Apple's verbs did the work: <c>build</c> for the Dockerfile resource,
/// <c>image load</c> for the .NET SDK's archive, <c>image tag</c> and <c>image push</c>.
/// </summary>
[Collection(RealRuntimeCollection.Name)]
public sealed class AppleEmulatorPublishTests(AppleEmulatorTestRuntime runtime) : PublishTests<AppleEmulatorTestRuntime>(runtime)
{
    private const string CallLog = "ACTR_APPLE_EMULATOR_CALL_LOG";

    /// <inheritdoc />
    protected override IReadOnlyList<string> LogoutCommand(string registry) => [AppleEmulatorLocator.Path, "registry", "logout", registry];

    /// <inheritdoc />
    protected override IReadOnlyDictionary<string, string> ExtraSettings(string workDirectory) =>
        new Dictionary<string, string> { [CallLog] = Path.Combine(workDirectory, "emulator-calls.log") };

    private protected override void AssertRuntimeVerbs(string workDirectory, Support.PublishAppHostRun run)
    {
        var journal = Path.Combine(workDirectory, "emulator-calls.log");
        Assert.True(File.Exists(journal), $"The emulator wrote no call journal at {journal}.");
        var calls = File.ReadAllLines(journal);
        foreach (var verb in new[] { "build", "image load", "image tag", "image push" })
        {
            var seen = calls.Any(call => Verb(call) == verb); // the emulator appends under an exclusive lock: no line is lost
            Assert.True(seen, $"No '{verb}' in the emulator's journal:\n{string.Join('\n', calls)}");
        }
    }

    /// <summary>The verb of one journal line (the argv as a JSON array): its first word, with the second for a command group (<c>image load</c>).</summary>
    private static string Verb(string call)
    {
        var argv = System.Text.Json.JsonSerializer.Deserialize<string[]>(call) ?? [];
        return argv.Length > 1 && argv[0] is "image" or "registry" or "system" or "builder" ? $"{argv[0]} {argv[1]}" : argv.FirstOrDefault() ?? string.Empty;
    }
}
