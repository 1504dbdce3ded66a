namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>One resolved container runtime argument.</summary>
/// <param name="Value">The argument's text.</param>
/// <param name="IsSecret">Whether it was built from a secret parameter (then an <c>-e</c> value stays off any argv).</param>
internal sealed record RuntimeArg(string Value, bool IsSecret);
