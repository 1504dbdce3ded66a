using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>Sends POSIX signals to child processes (Linux and macOS).</summary>
internal static partial class NativeSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>Sends the graceful signal; returns false where signals are not available or delivery failed.</summary>
    public static bool TrySend(int processId, ProcessSignal signal)
    {
        if (OperatingSystem.IsWindows() || signal == ProcessSignal.Kill)
        {
            return false;
        }

        var number = signal == ProcessSignal.Terminate ? SigTerm : SigInt;
        return Kill(processId, number) == 0;
    }

    /// <summary>Sends SIGKILL to one process; returns false where signals are not available or delivery failed.</summary>
    public static bool TryKill(int processId) => !OperatingSystem.IsWindows() && Kill(processId, SigKill) == 0;

    /// <summary>SIGKILL to the process group <paramref name="leaderId"/> leads; false where not available or nothing was signalled.</summary>
    public static bool TryKillGroup(int leaderId) => !OperatingSystem.IsWindows() && leaderId > 1 && Kill(-leaderId, SigKill) == 0;

    /// <summary>Whether <paramref name="processId"/> exists and leads its own process group.</summary>
    public static bool LeadsItsGroup(int processId) => !OperatingSystem.IsWindows() && processId > 1 && GetProcessGroup(processId) == processId;

    [LibraryImport("libc", EntryPoint = "getpgid", SetLastError = true)]
    private static partial int GetProcessGroup(int pid);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
