using System.Diagnostics;
using System.Runtime.InteropServices;

namespace FakeAppleCli;

/// <summary>Signals, liveness, and the marker sweep that ends every process of a fake container.</summary>
internal static partial class ProcessKiller
{
    public static int SignalNumber(string signal) => signal.ToUpperInvariant().Replace("SIG", string.Empty, StringComparison.Ordinal) switch
    {
        "KILL" or "9" => 9,
        "INT" or "2" => 2,
        "HUP" or "1" => 1,
        "QUIT" or "3" => 3,
        "USR1" => OperatingSystem.IsMacOS() ? 30 : 10,
        "USR2" => OperatingSystem.IsMacOS() ? 31 : 12,
        _ => 15,
    };

    public static void Send(int pid, int signal) => _ = Kill(pid, signal);

    public static bool IsAlive(int pid)
    {
        if (Kill(pid, 0) != 0)
        {
            return false;
        }

        // A zombie child of a dead supervisor does not run; on Linux /proc tells.
        var stat = $"/proc/{pid}/stat";
        return !File.Exists(stat) || !File.ReadAllText(stat).Split(')')[^1].TrimStart().StartsWith('Z');
    }

    /// <summary>Kills (SIGKILL) every process whose environment carries <paramref name="marker"/>, until none is left.</summary>
    public static void KillMarked(string marker)
    {
        for (var round = 0; round < 50; round++)
        {
            var pids = Marked(marker).Where(pid => pid != Environment.ProcessId).ToList();
            if (pids.Count == 0)
            {
                return;
            }

            foreach (var pid in pids)
            {
                Send(pid, 9);
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>The live processes whose environment carries <c>ACTR_FAKE_CONTAINER=&lt;marker&gt;</c>.</summary>
    public static IEnumerable<int> Marked(string marker)
    {
        var needle = $"{FakeState.MarkerVariable}={marker}";
        if (OperatingSystem.IsLinux())
        {
            foreach (var directory in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(directory), out var pid))
                {
                    continue;
                }

                string environ;
                try
                {
                    environ = File.ReadAllText(Path.Combine(directory, "environ"));
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    continue;
                }

                if (environ.Split('\0').Contains(needle) && IsAlive(pid))
                {
                    yield return pid;
                }
            }

            yield break;
        }

        // macOS: `ps -E` appends each process's environment to its command.
        var start = new ProcessStartInfo("ps", ["-axwwE", "-o", "pid=,command="]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var ps = Process.Start(start)!;
        var lines = ps.StandardOutput.ReadToEnd().Split('\n');
        ps.WaitForExit();
        foreach (var line in lines)
        {
            var trimmed = line.TrimStart();
            var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && trimmed.Contains(needle, StringComparison.Ordinal) && int.TryParse(trimmed[..space], out var pid))
            {
                yield return pid;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
