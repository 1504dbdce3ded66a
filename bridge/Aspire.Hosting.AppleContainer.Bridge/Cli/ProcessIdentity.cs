namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>A process id with its start time (where known), so that a reused id is never killed by mistake.</summary>
/// <param name="ProcessId">The id.</param>
/// <param name="StartTime">The start time in clock ticks since boot (Linux), or null where unknown.</param>
internal readonly record struct ProcessIdentity(int ProcessId, long? StartTime);
