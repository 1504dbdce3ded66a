namespace Aspire.Hosting.AppleContainer.Takeover;

/// <summary>
/// Registered by <c>UseAppleContainerRuntime()</c>: its presence asks the integration to run every container resource
/// of the application, not only those added with <c>AddAppleContainer</c>.
/// </summary>
internal sealed class ContainerTakeoverRequest
{
}
