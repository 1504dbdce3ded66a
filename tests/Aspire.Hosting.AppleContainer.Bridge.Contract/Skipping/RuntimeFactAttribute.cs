using Xunit.Sdk;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>
/// A fact that needs a real runtime: it is skipped, with a reason, only when the runtime of the test class's
/// fixture is not installed (see <see cref="RuntimeAvailability"/>); an installed but broken runtime fails it.
/// </summary>
[XunitTestCaseDiscoverer("Aspire.Hosting.AppleContainer.Bridge.Contract.RuntimeFactDiscoverer", "Aspire.Hosting.AppleContainer.Bridge.Contract")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class RuntimeFactAttribute : FactAttribute
{
}
