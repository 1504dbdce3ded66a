using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

// The reliability suites on real podman.

/// <summary>Bad inputs on real podman.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PodmanBadInputTests(PodmanTestRuntime runtime) : BadInputTests<PodmanTestRuntime>(runtime);

/// <summary>Twenty containers at once on real podman.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PodmanConcurrencyTests(PodmanTestRuntime runtime) : ConcurrencyTests<PodmanTestRuntime>(runtime);

/// <summary>A crash-looping container on real podman.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PodmanCrashLoopTests(PodmanTestRuntime runtime) : CrashLoopTests<PodmanTestRuntime>(runtime);

/// <summary>A SIGKILLed AppHost on real podman.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PodmanCrashTests(PodmanTestRuntime runtime) : CrashTests<PodmanTestRuntime>(runtime);

/// <summary>podman going down and up (through the switchable stand-in) while the AppHost runs.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PodmanRuntimeAvailabilityTests(PodmanTestRuntime runtime) : RuntimeAvailabilityTests<PodmanTestRuntime>(runtime, _ => SwitchablePodman.CreateAsync());

/// <summary>Secrets on real podman.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class PodmanSecretTests(PodmanTestRuntime runtime) : SecretTests<PodmanTestRuntime>(runtime);
