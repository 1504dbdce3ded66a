using Aspire.Hosting.AppleContainer.Sample.Tests.Support;
using Xunit.Abstractions;

namespace Aspire.Hosting.AppleContainer.Sample.Tests;

/// <summary>The sample's dashboard on real podman.</summary>
[Collection(SampleCollection.Name)]
public sealed class PodmanSampleDashboardTests(PodmanTestRuntime runtime, ITestOutputHelper output) : SampleDashboardTests<PodmanTestRuntime>(runtime, output);
