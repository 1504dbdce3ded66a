namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// <c>system status --format json</c>: <c>{"status":"running"|"not running"|"unregistered","apiServerVersion",…}</c>,
/// printed on stdout even when the command then exits 1 (Sources/ContainerCommands/System/SystemStatus.swift @1.0.0).
/// </summary>
/// <param name="Status">The <c>status</c> field.</param>
/// <param name="ApiServerVersion">The API server's version line, when running.</param>
internal sealed record AppleSystemStatus(string Status, string? ApiServerVersion)
{
    public bool IsRunning => Status == "running";

    /// <summary>The parsed status, or null when the output is not the status object.</summary>
    public static AppleSystemStatus? TryParse(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = AppleJson.ParseObject(json.Trim(), "system status");
            return AppleJson.String(document.RootElement, "status") is { } status
                ? new AppleSystemStatus(status, AppleJson.String(document.RootElement, "apiServerVersion"))
                : null;
        }
        catch (BridgeException)
        {
            return null;
        }
    }
}
