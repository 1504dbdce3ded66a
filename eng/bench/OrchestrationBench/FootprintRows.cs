namespace OrchestrationBench;

/// <summary>The footprint rows of the result table: idle and peak RSS of each side's AppHost tree, in all and by role.</summary>
internal static class FootprintRows
{
    private static readonly (ProcessRole Role, string Name)[] Roles =
    [
        (ProcessRole.AppHost, "AppHost process"),
        (ProcessRole.Watchdog, "cleanup watchdog"),
        (ProcessRole.Dcp, "DCP's processes"),
        (ProcessRole.RuntimeCli, "runtime CLIs"),
        (ProcessRole.Other, "other descendants"),
    ];

    public static IEnumerable<(string Figure, double? Ours, double? Dcp)> For(Footprint? ours, Footprint? dcp, BenchSettings settings)
    {
        yield return ($"Idle RSS, 10 containers, end of the {settings.Idle.TotalSeconds:F0} s window (MiB, AppHost + watchdog + DCP + runtime CLIs)", ours?.IdleTotalMiB, dcp?.IdleTotalMiB);
        foreach (var row in ByRole(ours?.IdleMiB, dcp?.IdleMiB))
        {
            yield return row;
        }

        yield return ("  all, as PSS (each shared page divided among the processes that map it)", ours?.IdleProportionalMiB, dcp?.IdleProportionalMiB);

        yield return ("Peak RSS, 10-container run (MiB, highest sum of VmHWM of the processes alive at one sample)", ours?.PeakTotalMiB, dcp?.PeakTotalMiB);
        foreach (var row in ByRole(ours?.PeakMiB, dcp?.PeakMiB))
        {
            yield return row;
        }
    }

    private static IEnumerable<(string Figure, double? Ours, double? Dcp)> ByRole(Dictionary<ProcessRole, double>? ours, Dictionary<ProcessRole, double>? dcp)
    {
        foreach (var (role, name) in Roles)
        {
            double? o = ours?.GetValueOrDefault(role) is > 0 and var a ? a : null;
            double? d = dcp?.GetValueOrDefault(role) is > 0 and var b ? b : null;
            if (role != ProcessRole.Other || o is not null || d is not null)
            {
                yield return ($"  {name}", o, d);
            }
        }
    }
}
