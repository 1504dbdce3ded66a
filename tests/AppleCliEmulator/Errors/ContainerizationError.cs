namespace AppleCliEmulator.Errors;

/// <summary>
/// containerization's <c>ContainerizationError</c> (Sources/ContainerizationError/ContainerizationError.swift@0.40.1):
/// its <c>description</c> is <c>code: "message"</c> (+ <c> (cause: "…")</c>), lines 72–80, while as a
/// <c>LocalizedError</c> its <c>errorDescription</c> is the bare message (+ cause), lines 82–90. Errors relayed over XPC
/// arrive with the cause folded into the message and the code kept (XPCMessage.swift@1.2.2 <c>set(error:)</c>, <c>error()</c>).
/// </summary>
internal sealed class ContainerizationError(string code, string message, SwiftError? cause = null) : SwiftError
{
    public string Code { get; } = code;

    public string Message { get; } = message;

    public SwiftError? Cause { get; } = cause;

    public override string Describing => Cause is null ? $"{Code}: \"{Message}\"" : $"{Code}: \"{Message}\" (cause: \"{Cause.Describing}\")";

    public override string Described => Cause is null ? Message : $"{Message} (cause: \"{Cause.Describing}\")";

    public static ContainerizationError NotFound(string message) => new("notFound", message);

    public static ContainerizationError InvalidArgument(string message, SwiftError? cause = null) => new("invalidArgument", message, cause);

    public static ContainerizationError InvalidState(string message) => new("invalidState", message);

    public static ContainerizationError Internal(string message, SwiftError? cause = null) => new("internalError", message, cause);

    public static ContainerizationError Exists(string message) => new("exists", message);

    public static ContainerizationError Unsupported(string message) => new("unsupported", message);

    public static ContainerizationError Interrupted(string message) => new("interrupted", message);

    public static ContainerizationError Unknown(string message) => new("unknown", message);

    /// <summary>The error as the client receives it from an XPC reply: cause folded into the message (XPCMessage.swift@1.2.2 <c>set(error:)</c>).</summary>
    public ContainerizationError OverXpc() => Cause is null ? this : new ContainerizationError(Code, $"{Message} (cause: \"{Cause.Describing}\")");
}
