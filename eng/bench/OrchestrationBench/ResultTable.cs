using System.Globalization;

namespace OrchestrationBench;

/// <summary>The comparison table (Markdown): each figure for the integration, DCP and the raw runtime CLI (all on one runtime), ours/DCP, and the goal.</summary>
internal static class ResultTable
{
    private const double OurStopGraceSeconds = 3; // ResourceRunner.ShutdownAsync stops session containers with a 3 s grace

    public static void Print(Figures ours, Figures dcp, Figures floor, BenchSettings settings)
    {
        var med = Figures.Median;
        var rows = new List<Row>
        {
            new("AppHost start → all Running, N=1 (ms, from Build)", med(ours.StartOneMs), med(dcp.StartOneMs), med(floor.StartOneMs),
                "≤ 0.7× DCP; ≤ floor + 150 ms", (o, d, f) => o <= 0.7 * d && o <= f + 150),
            new("  same, from AppHost process start (ms)", med(ours.StartOneFromSpawnMs), med(dcp.StartOneFromSpawnMs), med(floor.StartOneMs), "—", null),
            new("  same, from StartAsync (ms)", med(ours.StartOneFromStartAsyncMs), med(dcp.StartOneFromStartAsyncMs), med(floor.StartOneMs), "—", null),
            new("  same, from the resource's Starting (the orchestrator's share, ms)", med(ours.StartOneOwnShareMs), med(dcp.StartOneOwnShareMs), med(floor.StartOneMs),
                "≤ floor + 150 ms", (o, _, f) => o <= f + 150),
            new("AppHost start → all Running, N=10 (ms, from Build)", ours.StartTenMs, dcp.StartTenMs, floor.StartTenMs, "≤ 0.7× DCP", (o, d, _) => o <= 0.7 * d),
            new("  same, from AppHost process start (ms)", ours.StartTenFromSpawnMs, dcp.StartTenFromSpawnMs, floor.StartTenMs, "—", null),
            new($"Container exit → Exited, median of {settings.Exits} (ms)", med(ours.ExitLatencyMs), med(dcp.ExitLatencyMs), med(floor.ExitLatencyMs), "≤ 500 ms", (o, _, _) => o <= 500),
            new($"Log burst of {settings.LogLines:N0} lines: delivered (%)", ours.LogsDeliveredPercent, dcp.LogsDeliveredPercent, floor.LogsDeliveredPercent,
                "100 %, in order", (o, _, _) => o >= 100 && ours.LogsOutOfOrder == 0),
            new("  lines that arrived out of order", ours.LogsOutOfOrder, dcp.LogsOutOfOrder, floor.LogsOutOfOrder, "0", (o, _, _) => o == 0),
            new("Log burst: lines/s delivered", ours.LogsPerSecond, dcp.LogsPerSecond, floor.LogsPerSecond, "≥ 20,000", (o, _, _) => o >= 20_000),
            new($"Idle CPU, 10 containers, {settings.Idle.TotalSeconds:F0} s (% of one core, AppHost + DCP + children)", ours.IdleCpuPercent, dcp.IdleCpuPercent, null, "≤ 2 %", (o, _, _) => o <= 2),
            new("  same, AppHost process alone (%)", ours.IdleCpuAppHostOnlyPercent, dcp.IdleCpuAppHostOnlyPercent, null, "—", null),
        };
        if (ContainerCli.IsDocker)
        {
            rows.Add(new("  docker's daemons over the same window (dockerd + containerd, not in the figures above, %)",
                ours.IdleCpuDaemonsPercent, dcp.IdleCpuDaemonsPercent, null, "—", null));
        }

        rows.Add(new("Ctrl+C with 10 containers → all removed (s)", ours.StopTenSeconds, dcp.StopTenSeconds, floor.StopTenSeconds,
            $"≤ stop grace + 2 s ({OurStopGraceSeconds + 2:F0} s)", (o, _, _) => o <= OurStopGraceSeconds + 2));
        rows.AddRange(FootprintRows.For(ours.Footprint, dcp.Footprint, settings).Select(r => new Row(r.Figure, r.Ours, r.Dcp, null, "—", null)));

        Console.WriteLine();
        Console.WriteLine($"| Figure (runtime: {ContainerCli.Name}) | ours | DCP | floor ({ContainerCli.Name}) | ours/DCP | goal | met |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|---|");
        foreach (var row in rows)
        {
            var ratio = row.Ours is { } o && row.Dcp is { } d && d != 0 ? (o / d).ToString("F2", CultureInfo.InvariantCulture) + "×" : "—";
            var met = row.Met is null || row.Ours is null ? "—" : row.Met(row.Ours.Value, row.Dcp ?? double.NaN, row.Floor ?? double.NaN) ? "yes" : "no";
            Console.WriteLine($"| {row.Figure} | {Format(row.Ours)} | {Format(row.Dcp)} | {Format(row.Floor)} | {ratio} | {row.Goal} | {met} |");
        }
    }

    private static string Format(double? value) => value switch
    {
        null => "—",
        >= 1000 => value.Value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.Value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.Value.ToString("F2", CultureInfo.InvariantCulture),
    };

    private sealed record Row(string Figure, double? Ours, double? Dcp, double? Floor, string Goal, Func<double, double, double, bool>? Met);
}
