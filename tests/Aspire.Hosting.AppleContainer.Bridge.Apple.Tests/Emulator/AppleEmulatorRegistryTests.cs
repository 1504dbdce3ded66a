using Aspire.Hosting.AppleContainer.Bridge.Contract;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>The registry contract of the Apple dialect on the Apple CLI emulator, against real local registries.</summary>
public sealed class AppleEmulatorRegistryTests(AppleEmulatorFixture fixture) : RegistryContract<AppleEmulatorFixture>(fixture);
