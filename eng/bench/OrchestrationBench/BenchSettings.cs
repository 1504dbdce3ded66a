using System.Globalization;

namespace OrchestrationBench;

/// <summary>The benchmark's knobs, from environment variables (defaults keep the whole run under ten minutes).</summary>
internal sealed record BenchSettings
{
    /// <summary>Runs of the N = 1 start (their median is reported): <c>BENCH_REPEATS</c>, default 3.</summary>
    public int Repeats { get; init; } = Read("BENCH_REPEATS", 3);

    /// <summary>The idle CPU window: <c>BENCH_IDLE_SECONDS</c>, default 60.</summary>
    public TimeSpan Idle { get; init; } = TimeSpan.FromSeconds(Read("BENCH_IDLE_SECONDS", 60));

    /// <summary>The pause after all containers run before the idle window starts.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Containers exiting on their own, one a second (the median of their latencies is reported): <c>BENCH_EXITS</c>, default 5.</summary>
    public int Exits { get; init; } = Read("BENCH_EXITS", 5);

    /// <summary>The log burst: <c>BENCH_LOG_LINES</c>, default 100,000.</summary>
    public int LogLines { get; init; } = Read("BENCH_LOG_LINES", 100_000);

    private static int Read(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
