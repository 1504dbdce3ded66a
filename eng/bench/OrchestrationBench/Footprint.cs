namespace OrchestrationBench;

/// <summary>
/// Resident memory of an AppHost's tree, in MiB, by <see cref="ProcessRole"/> and in all. Idle: <c>VmRSS</c> at the end
/// of the idle window. Peak: at each sample, the sum of <c>VmHWM</c> (each process's own high-water mark) of the
/// processes alive then; the highest such sum over the run.
/// </summary>
internal sealed class Footprint
{
    private readonly Lock _gate = new();

    public Dictionary<ProcessRole, double> IdleMiB { get; } = [];

    public Dictionary<ProcessRole, double> PeakMiB { get; } = [];

    public double? IdleTotalMiB { get; set; }

    /// <summary>The idle total as <c>Pss</c> (shared pages divided among the processes that map them).</summary>
    public double? IdleProportionalMiB { get; set; }

    public double PeakTotalMiB { get; set; }

    /// <summary>Takes the peaks of one sample into account.</summary>
    public void AddPeakSample(IReadOnlyDictionary<int, TreeProcess> sample)
    {
        lock (_gate)
        {
            AddPeaks(sample);
        }
    }

    /// <summary>Records the sample taken at the end of the idle window.</summary>
    public void SetIdle(IReadOnlyDictionary<int, TreeProcess> sample)
    {
        lock (_gate)
        {
            foreach (var role in Enum.GetValues<ProcessRole>())
            {
                IdleMiB[role] = MiB(sample.Values.Where(p => p.Role == role).Sum(p => p.RssKiB));
            }

            IdleTotalMiB = MiB(sample.Values.Sum(p => p.RssKiB));
            IdleProportionalMiB = MiB(sample.Keys.Sum(pid => ProcessMemory.Proportional(pid) ?? 0));
            AddPeaks(sample);
        }
    }

    private void AddPeaks(IReadOnlyDictionary<int, TreeProcess> sample)
    {
        foreach (var role in sample.Values.Select(p => p.Role).Distinct())
        {
            PeakMiB[role] = Math.Max(PeakMiB.GetValueOrDefault(role), MiB(sample.Values.Where(p => p.Role == role).Sum(p => p.PeakRssKiB)));
        }

        PeakTotalMiB = Math.Max(PeakTotalMiB, MiB(sample.Values.Sum(p => p.PeakRssKiB)));
    }

    private static double MiB(long kib) => kib / 1024.0;
}
