namespace Aspire.Hosting.AppleContainer.Bridge.Diagnostics;

/// <summary>A user-facing diagnostic: a stable <c>ACTR</c> id, a message and, when known, a remedy.</summary>
/// <param name="Id">The stable id, e.g. <c>ACTR1002</c>.</param>
/// <param name="Message">The message, starting with the id (e.g. <c>ACTR1002: The container runtime ...</c>).</param>
/// <param name="Hint">What the user can do, or null.</param>
internal sealed record BridgeDiagnostic(string Id, string Message, string? Hint)
{
    /// <summary>The message followed by the hint, as one line for logs and the dashboard.</summary>
    public override string ToString() => Hint is null ? Message : $"{Message} {Hint}";
}
