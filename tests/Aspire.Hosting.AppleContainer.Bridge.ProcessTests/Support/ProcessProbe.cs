using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>Tells whether a process id still names a live process (a zombie counts as gone).</summary>
internal static partial class ProcessProbe
{
    /// <summary>True while <paramref name="processId"/> runs.</summary>
    public static bool IsRunning(int processId)
    {
        var stat = $"/proc/{processId}/stat";
        if (Directory.Exists("/proc/self"))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..][0];
                return state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }

        return Kill(processId, 0) == 0;
    }

    /// <summary>Waits until every process in <paramref name="processIds"/> is gone; false when one outlives <paramref name="limit"/>.</summary>
    public static async Task<bool> AllGoneAsync(IEnumerable<int> processIds, TimeSpan limit)
    {
        var ids = processIds.ToArray();
        var clock = Stopwatch.StartNew();
        while (ids.Any(IsRunning))
        {
            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(50);
        }

        return true;
    }

    /// <summary>Kills whatever of <paramref name="processIds"/> still runs, so that a failing test leaks nothing.</summary>
    public static void KillAll(IEnumerable<int> processIds)
    {
        foreach (var id in processIds.Where(IsRunning))
        {
            try
            {
                using var process = Process.GetProcessById(id);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone in the meantime.
            }
        }
    }

    /// <summary>Reads a pid file written by the fake CLI's <c>pids</c> step once it holds <paramref name="count"/> ids.</summary>
    public static async Task<int[]> ReadPidFileAsync(string path, int count, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (File.Exists(path))
            {
                var ids = (await File.ReadAllLinesAsync(path)).Select(line => int.Parse(line, CultureInfo.InvariantCulture)).ToArray();
                if (ids.Length >= count)
                {
                    return ids;
                }
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"The pid file '{path}' did not get {count} ids within {limit}.");
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
