namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>Turns an already-canceled token into the bridge's coded error.</summary>
internal static class CancellationExtensions
{
    public static void ThrowIfCancellationRequestedAsBridge(this CancellationToken cancellationToken, ProcessRequest? request = null)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new BridgeException(BridgeErrorCode.Canceled, "The operation was canceled before it started.")
            {
                Arguments = request is null ? [] : [request.FileName, .. request.Arguments],
            };
        }
    }
}
