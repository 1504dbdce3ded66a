using Aspire.Hosting.AppleContainer.Sample.Tests.Support;
using Xunit.Abstractions;

namespace Aspire.Hosting.AppleContainer.Sample.Tests;

/// <summary>The sample's dashboard on Apple's dialect on the Apple CLI emulator (real containers on podman underneath).</summary>
[Collection(SampleCollection.Name)]
public sealed class AppleEmulatorSampleDashboardTests(AppleEmulatorTestRuntime runtime, ITestOutputHelper output) : SampleDashboardTests<AppleEmulatorTestRuntime>(runtime, output);
