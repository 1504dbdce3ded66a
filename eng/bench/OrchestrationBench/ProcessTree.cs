using System.Globalization;

namespace OrchestrationBench;

/// <summary>
/// An AppHost and everything that works for it, from <c>/proc</c>: its descendants, plus DCP, which detaches from the
/// AppHost (<c>dcp start-apiserver --monitor &lt;pid&gt; --detach</c>), and DCP's descendants, each with its
/// <see cref="ProcessRole"/>. Container processes (podman's conmon and below) count for neither orchestrator, nor do
/// docker's daemons and shims, which no AppHost starts.
/// </summary>
internal static class ProcessTree
{
    private const double TicksPerSecond = 100; // getconf CLK_TCK on Linux
    private static readonly string[] RuntimeClis = ["podman", "docker", "container"];

    /// <summary>The processes working for the AppHost <paramref name="appHostId"/> now, by pid.</summary>
    public static Dictionary<int, TreeProcess> Sample(int appHostId)
    {
        var all = new Dictionary<int, (int Parent, double Seconds, string[] Argv)>();
        var dcpRoots = new HashSet<int>();
        var monitored = appHostId.ToString(CultureInfo.InvariantCulture);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || Read(Path.Combine(directory, "stat")) is not { } stat)
            {
                continue;
            }

            // Fields after the parenthesised command: state ppid ... utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            var argv = (Read(Path.Combine(directory, "cmdline")) ?? string.Empty).Split('\0');
            all[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / TicksPerSecond, argv);
            var monitor = Array.IndexOf(argv, "--monitor");
            if (monitor >= 0 && monitor + 1 < argv.Length && argv[monitor + 1] == monitored)
            {
                dcpRoots.Add(pid);
            }
        }

        var roles = new Dictionary<int, ProcessRole?>();
        var tree = new Dictionary<int, TreeProcess>();
        foreach (var (pid, process) in all)
        {
            if (RoleOf(pid, appHostId, dcpRoots, all, roles) is { } role)
            {
                var (rss, peak) = ProcessMemory.Resident(pid) ?? (0, 0);
                tree[pid] = new TreeProcess(pid, role, process.Seconds, rss, peak);
            }
        }

        return tree;
    }

    /// <summary>
    /// The role of <paramref name="pid"/>, or null when it works for neither the AppHost nor its DCP. A process is the
    /// AppHost, the watchdog, a runtime CLI or DCP by what it is; any other takes the role of its parent (what a CLI or
    /// DCP starts is theirs), except that an unknown child of the AppHost is <see cref="ProcessRole.Other"/>.
    /// </summary>
    private static ProcessRole? RoleOf(
        int pid, int appHostId, HashSet<int> dcpRoots, Dictionary<int, (int Parent, double Seconds, string[] Argv)> all, Dictionary<int, ProcessRole?> roles)
    {
        if (roles.TryGetValue(pid, out var known))
        {
            return known;
        }

        if (pid <= 1 || !all.TryGetValue(pid, out var process))
        {
            return null;
        }

        roles[pid] = null; // a parent link that loops (a pid reused while /proc was read) ends here
        var isRoot = pid == appHostId || dcpRoots.Contains(pid);
        var parent = isRoot ? null : RoleOf(process.Parent, appHostId, dcpRoots, all, roles);
        var name = Path.GetFileName(process.Argv[0]);
        ProcessRole? role = pid == appHostId ? ProcessRole.AppHost
            : !isRoot && parent is null ? null
            : process.Argv.Any(a => a.Contains("AppleContainer.Watchdog", StringComparison.Ordinal)) ? ProcessRole.Watchdog
            : RuntimeClis.Contains(name) ? ProcessRole.RuntimeCli
            : isRoot || name.StartsWith("dcp", StringComparison.Ordinal) ? ProcessRole.Dcp
            : parent == ProcessRole.AppHost ? ProcessRole.Other
            : parent;
        roles[pid] = role;
        return role;
    }

    internal static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
