using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace BenchAppHosts;

/// <summary>
/// One container printing <c>line 1</c> … <c>line N</c> at start: how many of them reached the resource logger, whether
/// in order, and at what rate (lines delivered over the time from the container's start to the last one delivered).
/// </summary>
internal static partial class LogScenario
{
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(15);

    [GeneratedRegex(@"(?:^|\s)line (\d+)\s*$")]
    private static partial Regex LinePattern();

    public static Func<DistributedApplication, Task> Configure(IDistributedApplicationBuilder builder, AddBenchContainer add, string label, int lines)
    {
        var name = add(builder, $"{label}-s0", label)
            .WithEnvironment("PRINT_LINES", lines.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithArgs("sleep", "600").Resource.Name;

        return async app =>
        {
            var loggers = app.Services.GetRequiredService<ResourceLoggerService>();
            var seen = new bool[lines + 1];
            var (delivered, expected, outOfOrder) = (0, 1, 0);
            var last = DateTimeOffset.UtcNow;
            using var stop = new CancellationTokenSource(BenchApp.Limit);
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            var watch = Task.Run(async () =>
            {
                // DCP keeps a resource's logs under its instance id (the name plus a suffix); the first event names it.
                var id = (await notifications.WaitForResourceAsync(name, _ => true, stop.Token)).ResourceId;
                await foreach (var batch in loggers.WatchAsync(id).WithCancellation(stop.Token))
                {
                    foreach (var line in batch)
                    {
                        if (LinePattern().Match(line.Content) is not { Success: true } match || !int.TryParse(match.Groups[1].ValueSpan, out var n) || n < 1 || n > lines)
                        {
                            continue;
                        }

                        outOfOrder += n == expected ? 0 : 1;
                        expected = n + 1;
                        delivered += seen[n] ? 0 : 1;
                        seen[n] = true;
                        last = DateTimeOffset.UtcNow;
                    }

                    if (delivered == lines)
                    {
                        return;
                    }
                }
            });

            await app.StartAsync();
            var running = (await BenchApp.WaitForAllAsync(app, [name], KnownResourceStates.Running))[0];
            while (!watch.IsCompleted && DateTimeOffset.UtcNow - last < Stall)
            {
                await Task.WhenAny(watch, Task.Delay(500));
            }

            await stop.CancelAsync();
            var started = (await ContainerInspect.ReadAsync(BenchApp.ContainerId(running))).StartedAt;
            var seconds = (last - started).TotalSeconds;
            BenchApp.Print(FormattableString.Invariant($"BENCH-LOGS delivered={delivered} total={lines} out_of_order={outOfOrder} seconds={seconds:F3} lines_per_s={delivered / seconds:F0}"));
            await app.StopAsync();
        };
    }
}
