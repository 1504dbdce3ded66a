using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace BenchAppHosts;

/// <summary>
/// Containers that exit on their own, one a second from 3 s after start: for each, the time from the container's exit
/// (its <c>State.FinishedAt</c>, recorded by the runtime) to the moment its resource showed Exited here.
/// </summary>
internal static class ExitScenario
{
    public static Func<DistributedApplication, Task> Configure(IDistributedApplicationBuilder builder, AddBenchContainer add, string label, int count)
    {
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var seconds = (3 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            names.Add(add(builder, $"{label}-s{i}", label).WithArgs("sleep", seconds).Resource.Name);
        }

        return async app =>
        {
            await app.StartAsync();
            var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
            using var limit = new CancellationTokenSource(BenchApp.Limit);
            var observed = await Task.WhenAll(names.Select(async name =>
            {
                var exited = await notifications.WaitForResourceAsync(name, e => e.Snapshot.State?.Text == KnownResourceStates.Exited, limit.Token);
                return (Event: exited, At: DateTimeOffset.UtcNow);
            }));

            foreach (var (exited, at) in observed)
            {
                var finished = (await ContainerInspect.ReadAsync(BenchApp.ContainerId(exited))).FinishedAt;
                BenchApp.Print($"BENCH-EXIT {exited.Resource.Name} latency_ms={BenchApp.Ms(at - finished)} exit_code={exited.Snapshot.ExitCode}");
            }

            BenchApp.Print("BENCH-DONE");
            await app.StopAsync();
        };
    }
}
