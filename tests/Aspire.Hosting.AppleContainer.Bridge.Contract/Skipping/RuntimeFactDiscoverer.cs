using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Discovers <see cref="RuntimeFactAttribute"/> tests as <see cref="RuntimeFactTestCase"/>s.</summary>
public sealed class RuntimeFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new RuntimeFactTestCase(
            diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod);
    }
}
