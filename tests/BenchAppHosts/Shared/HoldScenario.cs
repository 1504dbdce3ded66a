using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;

namespace BenchAppHosts;

/// <summary>Session and persistent HTTP service containers, held until Ctrl+C (start time, idle CPU, Ctrl+C cleanup).</summary>
internal static class HoldScenario
{
    public static Func<DistributedApplication, Task> Configure(
        IDistributedApplicationBuilder builder, AddBenchContainer add, string label, int count, int persistent, Stopwatch clock)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            names.Add(add(builder, $"{label}-s{i}", label).Resource.Name);
        }

        for (var i = 0; i < persistent; i++)
        {
            names.Add(add(builder, $"{label}-p{i}", label).WithLifetime(ContainerLifetime.Persistent).Resource.Name);
        }

        return async app =>
        {
            var firstStarting = BenchApp.WhenAnyShows(app, names, KnownResourceStates.Starting, clock);
            var startAsyncAt = clock.Elapsed;
            await app.StartAsync();
            var running = await BenchApp.WaitForAllAsync(app, names, KnownResourceStates.Running);
            var elapsed = clock.Elapsed;
            var starting = await firstStarting;
            using var self = Process.GetCurrentProcess();
            var uptime = DateTime.Now - self.StartTime;
            foreach (var e in running)
            {
                BenchApp.Print($"BENCH-CONTAINER {e.Resource.Name} {BenchApp.ContainerId(e)}");
            }

            BenchApp.Print($"BENCH-RUNNING start_ms={BenchApp.Ms(elapsed)} uptime_ms={BenchApp.Ms(uptime)} " +
                $"startasync_ms={BenchApp.Ms(elapsed - startAsyncAt)} own_ms={BenchApp.Ms(elapsed - starting)}");
            await app.WaitForShutdownAsync();
        };
    }
}
