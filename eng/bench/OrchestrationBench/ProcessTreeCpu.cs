using System.Globalization;

namespace OrchestrationBench;

/// <summary>
/// CPU time of an AppHost and everything that works for it, from <c>/proc</c>: its descendants, plus DCP, which
/// detaches from the AppHost (<c>dcp start-apiserver --monitor &lt;pid&gt; --detach</c>), and DCP's descendants.
/// Container processes (conmon and below) belong to podman and count for neither orchestrator.
/// </summary>
internal static class ProcessTreeCpu
{
    private const double TicksPerSecond = 100; // getconf CLK_TCK on Linux

    /// <summary>CPU seconds (user + system) of each process working for the AppHost <paramref name="appHostId"/>, by pid.</summary>
    public static Dictionary<int, double> Sample(int appHostId)
    {
        var stats = new Dictionary<int, (int Parent, double Seconds)>();
        var roots = new HashSet<int> { appHostId };
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || Read(Path.Combine(directory, "stat")) is not { } stat)
            {
                continue;
            }

            // Fields after the parenthesised command: state ppid ... utime(14) stime(15).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            stats[pid] = (int.Parse(fields[1], CultureInfo.InvariantCulture), ticks / TicksPerSecond);
            var argv = (Read(Path.Combine(directory, "cmdline")) ?? string.Empty).Split('\0');
            var monitor = Array.IndexOf(argv, "--monitor");
            if (monitor >= 0 && monitor + 1 < argv.Length && argv[monitor + 1] == appHostId.ToString(CultureInfo.InvariantCulture))
            {
                roots.Add(pid);
            }
        }

        var tree = new Dictionary<int, double>();
        foreach (var pid in stats.Keys)
        {
            for (var p = pid; stats.ContainsKey(p); p = stats[p].Parent)
            {
                if (roots.Contains(p))
                {
                    tree[pid] = stats[pid].Seconds;
                    break;
                }

                if (p <= 1)
                {
                    break;
                }
            }
        }

        return tree;
    }

    /// <summary>CPU seconds used between two samples (processes that started in between count whole).</summary>
    public static double Used(IReadOnlyDictionary<int, double> before, IReadOnlyDictionary<int, double> after, Func<int, bool>? include = null) =>
        after.Where(p => include?.Invoke(p.Key) ?? true).Sum(p => p.Value - before.GetValueOrDefault(p.Key));

    private static string? Read(string path)
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
