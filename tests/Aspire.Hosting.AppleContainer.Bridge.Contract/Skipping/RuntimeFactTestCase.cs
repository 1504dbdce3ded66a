using Xunit.Abstractions;
using Xunit.Sdk;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>A test case whose skip reason comes from the fixture's <see cref="RuntimeAvailability"/>.</summary>
public sealed class RuntimeFactTestCase : XunitTestCase
{
    /// <summary>For deserialization only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public RuntimeFactTestCase()
    {
    }

    /// <summary>Creates the test case.</summary>
    public RuntimeFactTestCase(IMessageSink diagnosticMessageSink, TestMethodDisplay display, TestMethodDisplayOptions options, ITestMethod testMethod)
        : base(diagnosticMessageSink, display, options, testMethod)
    {
    }

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute)
        ?? RuntimeAvailability.SkipReasonForTestClass(TestMethod.TestClass.Class.ToRuntimeType())
        ?? null!; // xunit's own signature is oblivious: null means "run".
}
