using System.Diagnostics;
using System.Globalization;

namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// Finds and kills the descendants of a child process. Used when a CLI exits on its graceful signal but leaves
/// processes it started behind: once it has exited they are re-parented and no tree kill can find them, so they are
/// recorded while it still runs. Linux reads <c>/proc</c>; other Unix systems ask <c>ps</c>; Windows has none.
/// </summary>
internal static class ProcessTree
{
    private static readonly TimeSpan PsLimit = TimeSpan.FromSeconds(2);

    /// <summary>The live descendants of <paramref name="rootProcessId"/> (children, grandchildren...).</summary>
    public static IReadOnlyList<ProcessIdentity> Descendants(int rootProcessId)
    {
        var table = OperatingSystem.IsLinux() ? ReadProc() : OperatingSystem.IsWindows() ? [] : ReadPs();
        var children = table.ToLookup(entry => entry.ParentId);
        var found = new List<ProcessIdentity>();
        var pending = new Queue<int>([rootProcessId]);
        while (pending.Count > 0 && found.Count < 4096)
        {
            foreach (var child in children[pending.Dequeue()])
            {
                found.Add(child.Identity);
                pending.Enqueue(child.Identity.ProcessId);
            }
        }

        return found;
    }

    /// <summary>The identity of a running process (its start time from <c>/proc</c> on Linux; unknown elsewhere), or null when gone.</summary>
    public static ProcessIdentity? IdentityOf(int processId) =>
        OperatingSystem.IsLinux() ? ReadStat(processId)?.Identity : new ProcessIdentity(processId, null);

    /// <summary>Kills each process that still runs and is still the same process (its start time is unchanged).</summary>
    public static void Kill(IEnumerable<ProcessIdentity> processes)
    {
        foreach (var process in processes)
        {
            if (process.StartTime is null || ReadStat(process.ProcessId)?.Identity == process)
            {
                NativeSignals.TryKill(process.ProcessId);
            }
        }
    }

    private static List<Entry> ReadProc()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && ReadStat(id) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static Entry? ReadStat(int processId)
    {
        try
        {
            // "pid (comm) state ppid ... starttime": comm may hold spaces and parentheses, so parse after the last ')'.
            var text = File.ReadAllText($"/proc/{processId}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is "Z" or "X")
            {
                return null;
            }

            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var startTime = long.Parse(fields[19], CultureInfo.InvariantCulture);
            return new Entry(new ProcessIdentity(processId, startTime), parent);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static List<Entry> ReadPs()
    {
        var entries = new List<Entry>();
        try
        {
            var startInfo = new ProcessStartInfo("ps") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-A", "-o", "pid=", "-o", "ppid=" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            using var ps = Process.Start(startInfo)!;
            var output = ps.StandardOutput.ReadToEndAsync();
            if (!ps.WaitForExit(PsLimit) || !output.Wait(PsLimit))
            {
                ps.Kill();
                return entries;
            }

            foreach (var line in output.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var id) && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var parent))
                {
                    entries.Add(new Entry(new ProcessIdentity(id, null), parent));
                }
            }
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            // No ps: nothing can be recorded; the tree kill still covers a CLI that does not exit by itself.
        }

        return entries;
    }

    private sealed record Entry(ProcessIdentity Identity, int ParentId);
}
