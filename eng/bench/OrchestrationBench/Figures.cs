namespace OrchestrationBench;

/// <summary>What one contender (the integration, DCP, or the raw runtime CLI) measured; null where it does not apply.</summary>
internal sealed class Figures
{
    public List<double> StartOneMs { get; } = [];

    public List<double> StartOneFromSpawnMs { get; } = [];

    /// <summary>From <c>StartAsync</c> (Aspire's own host set-up excluded) to Running.</summary>
    public List<double> StartOneFromStartAsyncMs { get; } = [];

    /// <summary>From the resource's first Starting snapshot to Running: the orchestrator's own share of the start.</summary>
    public List<double> StartOneOwnShareMs { get; } = [];

    public double? StartTenMs { get; set; }

    public double? StartTenFromSpawnMs { get; set; }

    public List<double> ExitLatencyMs { get; } = [];

    public double? LogsDeliveredPercent { get; set; }

    public double? LogsOutOfOrder { get; set; }

    public double? LogsPerSecond { get; set; }

    public double? IdleCpuPercent { get; set; }

    public double? IdleCpuAppHostOnlyPercent { get; set; }

    /// <summary>Docker's daemons over the same idle window (<see cref="RuntimeDaemons"/>); null on podman.</summary>
    public double? IdleCpuDaemonsPercent { get; set; }

    public double? StopTenSeconds { get; set; }

    /// <summary>Resident memory of the AppHost's tree in the 10-container hold (idle window and whole run).</summary>
    public Footprint? Footprint { get; set; }

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
