namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>How a container ended.</summary>
/// <param name="ExitCode">The exit code, or null when the runtime cannot tell (never reported as 0 instead).</param>
/// <param name="FinishedAt">When it finished, when known.</param>
internal sealed record ContainerExit(int? ExitCode, DateTimeOffset? FinishedAt = null);
