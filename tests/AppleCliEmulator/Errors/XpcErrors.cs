namespace AppleCliEmulator.Errors;

/// <summary>
/// What a client call fails with while the API server is not registered. The XPC reply is an error object and
/// XPCClient.swift@1.2.2:140–150 throws <c>ContainerizationError(.interrupted, "XPC connection error: &lt;description&gt;")</c>;
/// each client wraps it (or not) as its source does, and Application.swift@1.2.2:136–139 then prints the wrapped error's
/// <c>String(describing:)</c> with the system-start hint. The description ("Connection invalid") comes from libxpc's
/// XPC_ERROR_KEY_DESCRIPTION, which is not in the sources; it is the text of the repository's fixture errors.txt.
/// </summary>
internal static class XpcErrors
{
    public const string Hint = "Ensure container system service has been started with `container system start`.";

    public static ContainerizationError ConnectionInvalid => ContainerizationError.Interrupted("XPC connection error: Connection invalid");

    /// <summary>ContainerClient.list (ContainerClient.swift@1.2.2:86–108): any failure becomes "failed to list containers".</summary>
    public static SwiftError List => ContainerizationError.Internal("failed to list containers", ConnectionInvalid);

    /// <summary>The per-container wrappers of ContainerClient.swift@1.2.2 (stop, kill, delete: lines 163–212).</summary>
    public static SwiftError Wrapped(string message) => ContainerizationError.Internal(message, ConnectionInvalid);
}
