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

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
