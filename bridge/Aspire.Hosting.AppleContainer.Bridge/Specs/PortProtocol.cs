namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The transport protocol of a published port.</summary>
internal enum PortProtocol
{
    /// <summary>TCP.</summary>
    Tcp,

    /// <summary>UDP.</summary>
    Udp,
}
