namespace Aspire.Hosting.AppleContainer.Tasks.Builds;

/// <summary>Where and why a build failed, as read from the builder's output.</summary>
/// <param name="Line">The 1-based Dockerfile line, or 0 when the builder named none.</param>
/// <param name="Message">The builder's error text.</param>
/// <param name="IsSyntaxError">Whether the builder rejected the Dockerfile itself rather than a step's execution.</param>
internal sealed record BuildFailure(int Line, string Message, bool IsSyntaxError);
