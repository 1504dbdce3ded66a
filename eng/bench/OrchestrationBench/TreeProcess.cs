namespace OrchestrationBench;

/// <summary>One process of an AppHost's tree at one sample: CPU seconds (user + system) and memory from <c>/proc</c>.</summary>
/// <param name="RssKiB">Resident set size now (<c>VmRSS</c>).</param>
/// <param name="PeakRssKiB">The highest resident set size the process has had (<c>VmHWM</c>).</param>
internal readonly record struct TreeProcess(int Pid, ProcessRole Role, double CpuSeconds, long RssKiB, long PeakRssKiB);
