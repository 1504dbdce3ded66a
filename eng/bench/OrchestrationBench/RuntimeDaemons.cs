using System.Globalization;

namespace OrchestrationBench;

/// <summary>
/// Docker's daemons (every <c>dockerd</c> and <c>containerd</c> process on the machine): they serve every docker CLI
/// call, both orchestrators' event and log streams among them, yet no AppHost starts them, so
/// <see cref="ProcessTree"/> leaves them out and they are measured apart. Podman has none.
/// </summary>
internal static class RuntimeDaemons
{
    private const double TicksPerSecond = 100; // getconf CLK_TCK on Linux
    private static readonly string[] Names = ["dockerd", "containerd"];

    /// <summary>The daemons' CPU seconds (user + system) so far, by pid.</summary>
    public static Dictionary<int, double> Sample()
    {
        var sample = new Dictionary<int, double>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || ProcessTree.Read(Path.Combine(directory, "stat")) is not { } stat)
            {
                continue;
            }

            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open || !Names.Contains(stat[(open + 1)..close]))
            {
                continue;
            }

            var fields = stat[(close + 2)..].Split(' ');
            sample[pid] = (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }

        return sample;
    }

    /// <summary>CPU seconds the daemons used between two samples.</summary>
    public static double Used(Dictionary<int, double> before, Dictionary<int, double> after) =>
        after.Sum(p => p.Value - before.GetValueOrDefault(p.Key));
}
