using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OrchestrationBench;

/// <summary>
/// The floor: the same operations with the raw runtime CLI (podman or docker, <see cref="ContainerCli"/>) and no
/// orchestrator (<c>run -d</c>, <c>wait</c>, <c>logs -f</c>, <c>rm</c>).
/// </summary>
internal sealed partial class FloorBench(BenchSettings settings, List<string> labels)
{
    [GeneratedRegex(@"(\.\d{7})\d+")]
    private static partial Regex ExtraFractionDigits();

    [GeneratedRegex(@"^line (\d+)$")]
    private static partial Regex LinePattern();

    public async Task<Figures> RunAsync()
    {
        var figures = new Figures();
        var label = NewLabel();
        try
        {
            for (var i = 0; i < settings.Repeats; i++)
            {
                var clock = Stopwatch.StartNew();
                var id = await ContainerCli.RunDetachedAsync(label, $"{label}-one{i}");
                figures.StartOneMs.Add(clock.Elapsed.TotalMilliseconds);
                await ContainerCli.KillAndRemoveAsync(id);
            }

            var ten = Stopwatch.StartNew();
            var ids = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => ContainerCli.RunDetachedAsync(label, $"{label}-ten{i}")));
            figures.StartTenMs = ten.Elapsed.TotalMilliseconds;
            var stop = Stopwatch.StartNew();
            await ContainerCli.StopAndRemoveAsync(10, ids);
            figures.StopTenSeconds = stop.Elapsed.TotalSeconds;
            Log($"run -d: {string.Join(", ", figures.StartOneMs.Select(ms => $"{ms:F0}"))} ms; 10 in parallel {figures.StartTenMs:F0} ms; rm of 10 {figures.StopTenSeconds:F2} s");

            figures.ExitLatencyMs.AddRange(await Task.WhenAll(Enumerable.Range(0, settings.Exits).Select(i => ExitLatencyAsync(label, i))));
            Log($"exit → {ContainerCli.Name} wait returns: {string.Join(", ", figures.ExitLatencyMs.Select(ms => $"{ms:F0}"))} ms");
            await LogsAsync(label, figures);
        }
        finally
        {
            await ContainerCli.RemoveLabelledAsync(label);
        }

        return figures;
    }

    private static async Task<double> ExitLatencyAsync(string label, int index)
    {
        var id = await ContainerCli.RunDetachedAsync(label, $"{label}-exit{index}", null, "sleep", (3 + index).ToString(CultureInfo.InvariantCulture));
        await ContainerCli.RunAsync("wait", id);
        var observed = DateTimeOffset.UtcNow;
        return (observed - (await InspectAsync(id)).FinishedAt).TotalMilliseconds;
    }

    private async Task LogsAsync(string label, Figures figures)
    {
        var id = await ContainerCli.RunDetachedAsync(label, $"{label}-logs", [$"PRINT_LINES={settings.LogLines}"], "sleep", "600");
        using var process = Process.Start(ContainerCli.StartInfo("logs", "-f", id))!;
        process.ErrorDataReceived += (_, _) => { }; // the container's stderr line: not counted, not shown
        process.BeginErrorReadLine();
        var (delivered, expected, outOfOrder, last) = (0, 1, 0, DateTimeOffset.UtcNow);
        using var stall = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (delivered < settings.LogLines && await process.StandardOutput.ReadLineAsync(stall.Token) is { } line)
            {
                if (LinePattern().Match(line) is { Success: true } match)
                {
                    var n = int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                    outOfOrder += n == expected ? 0 : 1;
                    (expected, delivered, last) = (n + 1, delivered + 1, DateTimeOffset.UtcNow);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            process.Kill();
        }

        var seconds = (last - (await InspectAsync(id)).StartedAt).TotalSeconds;
        (figures.LogsDeliveredPercent, figures.LogsOutOfOrder, figures.LogsPerSecond) = (100.0 * delivered / settings.LogLines, outOfOrder, delivered / seconds);
        Log($"{ContainerCli.Name} logs -f: {delivered} lines in {seconds:F3} s");
    }

    private static async Task<(DateTimeOffset StartedAt, DateTimeOffset FinishedAt)> InspectAsync(string id)
    {
        using var json = JsonDocument.Parse(await ContainerCli.RunAsync("inspect", id));
        var state = json.RootElement[0].GetProperty("State");
        DateTimeOffset Parse(string name) =>
            DateTimeOffset.Parse(ExtraFractionDigits().Replace(state.GetProperty(name).GetString()!, "$1"), CultureInfo.InvariantCulture);
        return (Parse("StartedAt"), Parse("FinishedAt"));
    }

    private string NewLabel()
    {
        var label = $"engh-floor-{Guid.NewGuid().ToString("N")[..6]}";
        labels.Add(label);
        return label;
    }

    private static void Log(string message) => Console.Error.WriteLine($"[floor] {message}");
}
