namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>The shared <c>events</c> stream ended while a waiter depended on it (internal signal, never surfaced).</summary>
internal sealed class OciExitStreamLostException : Exception
{
    public OciExitStreamLostException()
        : base("The runtime's event stream ended.")
    {
    }
}
