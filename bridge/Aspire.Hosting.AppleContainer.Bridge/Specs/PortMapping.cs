namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>A container port published on the host.</summary>
/// <param name="ContainerPort">The port inside the container (1–65535).</param>
/// <param name="HostPort">The host port (1–65535), or null to let the runtime choose (not every runtime can).</param>
/// <param name="HostAddress">The host address to bind; loopback by default.</param>
/// <param name="Protocol">TCP or UDP.</param>
internal sealed record PortMapping(
    int ContainerPort,
    int? HostPort = null,
    string HostAddress = "127.0.0.1",
    PortProtocol Protocol = PortProtocol.Tcp);
