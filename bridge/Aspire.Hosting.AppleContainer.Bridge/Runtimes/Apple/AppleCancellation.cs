namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>Turns a canceled token into the bridge's coded error.</summary>
internal static class AppleCancellation
{
    public static void ThrowIfCancellationRequestedAsBridge(this CancellationToken cancellationToken, string runtime)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new BridgeException(BridgeErrorCode.Canceled, "The operation was canceled.") { Runtime = runtime };
        }
    }
}
