namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>How an attached observer ended.</summary>
/// <param name="ObserverExitCode">The observer CLI's exit code (the container's, unless the CLI itself failed).</param>
/// <param name="EndedAt">When the observer ended (the container's finish time, within the CLI's exit latency).</param>
/// <param name="StandardErrorTail">The end of the observer's stderr (the container's stderr and any CLI error).</param>
internal sealed record ObservedExit(int ObserverExitCode, DateTimeOffset EndedAt, string StandardErrorTail);
