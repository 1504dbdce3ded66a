using System.Diagnostics;

namespace OrchestrationBench;

/// <summary>Measures one bench AppHost (the integration's or DCP's) through its scenarios; see tests/BenchAppHosts.</summary>
internal sealed class AppHostBench(string name, string dll, BenchSettings settings, List<string> labels)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public async Task<Figures> RunAsync()
    {
        var figures = new Figures();
        for (var i = 0; i < settings.Repeats; i++)
        {
            await HoldAsync(figures, count: 1, idle: null);
        }

        await HoldAsync(figures, count: 10, idle: settings.Idle);
        await ExitsAsync(figures);
        await LogsAsync(figures);
        return figures;
    }

    private async Task HoldAsync(Figures figures, int count, TimeSpan? idle)
    {
        var label = NewLabel();
        using var run = AppHostRun.Start(dll, "hold", label, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var footprint = idle is null ? null : new Footprint();
        await using var sampler = footprint is null ? null : new FootprintSampler(run.ProcessId, footprint);
        try
        {
            var running = await run.WaitForLineAsync("BENCH-RUNNING", Limit);
            var (start, spawn) = (AppHostRun.Field(running, "start_ms"), AppHostRun.Field(running, "uptime_ms"));
            Log($"{count} container(s) Running: {start:F0} ms after Build, {spawn:F0} ms after process start");
            if (count == 1)
            {
                figures.StartOneMs.Add(start);
                figures.StartOneFromSpawnMs.Add(spawn);
                figures.StartOneFromStartAsyncMs.Add(AppHostRun.Field(running, "startasync_ms"));
                figures.StartOneOwnShareMs.Add(AppHostRun.Field(running, "own_ms"));
            }
            else
            {
                (figures.StartTenMs, figures.StartTenFromSpawnMs) = (start, spawn);
            }

            if (idle is { } window)
            {
                await Task.Delay(settings.Settle);
                var before = ProcessTree.Sample(run.ProcessId);
                var daemonsBefore = ContainerCli.IsDocker ? RuntimeDaemons.Sample() : null;
                var clock = Stopwatch.StartNew();
                await Task.Delay(window);
                var after = ProcessTree.Sample(run.ProcessId);
                var seconds = clock.Elapsed.TotalSeconds;
                if (daemonsBefore is not null)
                {
                    figures.IdleCpuDaemonsPercent = 100 * RuntimeDaemons.Used(daemonsBefore, RuntimeDaemons.Sample()) / seconds;
                    Log($"docker's daemons over the same window: {figures.IdleCpuDaemonsPercent:F2} %");
                }

                footprint!.SetIdle(after);
                figures.Footprint = footprint;
                figures.IdleCpuPercent = 100 * ProcessTreeCpu.Used(before, after) / seconds;
                figures.IdleCpuAppHostOnlyPercent = 100 * ProcessTreeCpu.Used(before, after, pid => pid == run.ProcessId) / seconds;
                Log($"idle CPU over {seconds:F0} s: {figures.IdleCpuPercent:F2} % ({after.Count} processes), AppHost alone {figures.IdleCpuAppHostOnlyPercent:F2} %");
                Log($"idle RSS: {footprint.IdleTotalMiB:F1} MiB ({string.Join(", ", after.Values.GroupBy(p => p.Role).Select(g => $"{g.Key} ×{g.Count()}"))})");
            }

            var stop = Stopwatch.StartNew();
            run.Interrupt();
            var gone = await ContainerCli.WaitUntilGoneAsync(label, TimeSpan.FromSeconds(60));
            Log($"Ctrl+C: {(gone ? $"all containers removed after {stop.Elapsed.TotalSeconds:F2} s" : "containers still there after 60 s")}");
            if (count > 1)
            {
                figures.StopTenSeconds = gone ? stop.Elapsed.TotalSeconds : null;
            }

            await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            await ContainerCli.RemoveLabelledAsync(label);
        }
    }

    private async Task ExitsAsync(Figures figures)
    {
        var label = NewLabel();
        using var run = AppHostRun.Start(dll, "exits", label, settings.Exits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await run.WaitForLineAsync("BENCH-DONE", Limit);
            foreach (var line in run.Lines("BENCH-EXIT"))
            {
                figures.ExitLatencyMs.Add(AppHostRun.Field(line, "latency_ms"));
            }

            Log($"exit → Exited: {string.Join(", ", figures.ExitLatencyMs.Select(ms => $"{ms:F0}"))} ms");
            await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await ContainerCli.WaitUntilGoneAsync(label, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await ContainerCli.RemoveLabelledAsync(label);
        }
    }

    private async Task LogsAsync(Figures figures)
    {
        var label = NewLabel();
        using var run = AppHostRun.Start(dll, "logs", label, settings.LogLines.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var line = await run.WaitForLineAsync("BENCH-LOGS", Limit);
            figures.LogsDeliveredPercent = 100 * AppHostRun.Field(line, "delivered") / settings.LogLines;
            figures.LogsOutOfOrder = AppHostRun.Field(line, "out_of_order");
            figures.LogsPerSecond = AppHostRun.Field(line, "lines_per_s");
            Log($"log burst: {line["BENCH-LOGS ".Length..]}");
            await run.WaitForExitAsync(TimeSpan.FromSeconds(60));
            await ContainerCli.WaitUntilGoneAsync(label, TimeSpan.FromSeconds(30));
        }
        finally
        {
            await ContainerCli.RemoveLabelledAsync(label);
        }
    }

    private string NewLabel()
    {
        var label = $"engh-{name}-{Guid.NewGuid().ToString("N")[..6]}";
        labels.Add(label);
        return label;
    }

    private void Log(string message) => Console.Error.WriteLine($"[{name}] {message}");
}
