using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

// The reliability suites on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).

/// <summary>Bad inputs on Apple's dialect on the Apple CLI emulator.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AppleEmulatorBadInputTests(AppleEmulatorTestRuntime runtime) : BadInputTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Twenty containers at once on Apple's dialect on the Apple CLI emulator.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AppleEmulatorConcurrencyTests(AppleEmulatorTestRuntime runtime) : ConcurrencyTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>A crash-looping container on Apple's dialect on the Apple CLI emulator.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AppleEmulatorCrashLoopTests(AppleEmulatorTestRuntime runtime) : CrashLoopTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>A SIGKILLed AppHost on Apple's dialect on the Apple CLI emulator.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AppleEmulatorCrashTests(AppleEmulatorTestRuntime runtime) : CrashTests<AppleEmulatorTestRuntime>(runtime);

/// <summary>Apple's runtime stopped and started (<c>container system stop</c>/<c>start</c>, on a private emulator state) while the AppHost runs.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AppleEmulatorRuntimeAvailabilityTests(AppleEmulatorTestRuntime runtime) : RuntimeAvailabilityTests<AppleEmulatorTestRuntime>(runtime, AppleEmulatorSystemSwitch.CreateAsync);

/// <summary>Secrets on Apple's dialect on the Apple CLI emulator.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class AppleEmulatorSecretTests(AppleEmulatorTestRuntime runtime) : SecretTests<AppleEmulatorTestRuntime>(runtime);
