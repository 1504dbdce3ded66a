namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// Every CLI child this process starts and sees end, for whoever must end them should this process die first: each
/// leads a process group of its own (<see cref="ProcessGroupLeader"/>), so nothing else would. The integration's crash
/// watchdog is told, and kills the groups still alive once the AppHost is gone (a <c>logs --follow</c> never ends by
/// itself, ContainerLogs.swift@1.2.2:98-131).
/// </summary>
internal static class CliChildren
{
    /// <summary>A child started (its id and, where the system tells it, its start time).</summary>
    public static event Action<ProcessIdentity>? Started;

    /// <summary>A child ended and was reaped.</summary>
    public static event Action<ProcessIdentity>? Ended;

    internal static void OnStarted(ProcessIdentity child) => Started?.Invoke(child);

    internal static void OnEnded(ProcessIdentity child) => Ended?.Invoke(child);

    /// <summary>
    /// Kills the process group each of <paramref name="children"/> leads, when it is still the same process: on Linux its
    /// start time (from <c>/proc</c>) must match; elsewhere it must still lead its own group. Returns how many were killed.
    /// </summary>
    public static int KillGroups(IEnumerable<ProcessIdentity> children)
    {
        var killed = 0;
        foreach (var child in children)
        {
            var same = OperatingSystem.IsLinux()
                ? child.StartTime is not null && ProcessTree.IdentityOf(child.ProcessId) == child
                : NativeSignals.LeadsItsGroup(child.ProcessId);
            if (same && NativeSignals.TryKillGroup(child.ProcessId))
            {
                killed++;
            }
        }

        return killed;
    }
}
