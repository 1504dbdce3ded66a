namespace OrchestrationBench;

/// <summary>CPU time of an AppHost's tree (<see cref="ProcessTree"/>) between two samples.</summary>
internal static class ProcessTreeCpu
{
    /// <summary>CPU seconds used between two samples (processes that started in between count whole).</summary>
    public static double Used(IReadOnlyDictionary<int, TreeProcess> before, IReadOnlyDictionary<int, TreeProcess> after, Func<int, bool>? include = null) =>
        after.Values.Where(p => include?.Invoke(p.Pid) ?? true).Sum(p => p.CpuSeconds - (before.TryGetValue(p.Pid, out var earlier) ? earlier.CpuSeconds : 0));
}
