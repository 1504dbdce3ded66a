using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Networking;

/// <summary>
/// The network from which containers run by this integration see the application. Every endpoint of the model gets
/// an allocation on it (an address that really connects from inside such a container), and their environment and
/// arguments are resolved against it.
/// </summary>
internal static class AppleContainerNetwork
{
    /// <summary>The network identifier.</summary>
    public static NetworkIdentifier Id { get; } = new("aspire-applecontainer");
}
