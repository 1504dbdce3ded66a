using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace BenchAppHosts;

/// <summary>Adds one container of <see cref="BenchApp.ServiceImage"/> named <paramref name="name"/>, labelled <c>engh.run=<paramref name="label"/></c>.</summary>
public delegate IResourceBuilder<ContainerResource> AddBenchContainer(IDistributedApplicationBuilder builder, string name, string label);

/// <summary>
/// The AppHost shapes the orchestration benchmark measures, shared by the integration's AppHost and DCP's. Arguments:
/// <c>&lt;scenario&gt; &lt;label&gt; [count] [persistent]</c>; results are printed as <c>BENCH-…</c> lines on stdout.
/// <list type="bullet">
/// <item><c>hold</c>: <c>count</c> session (and <c>persistent</c> persistent) HTTP service containers; prints the time
/// to all Running and each container's id, then runs until Ctrl+C.</item>
/// <item><c>exits</c>: <c>count</c> containers that exit 3, 4, … seconds after they start; prints, for each, how long
/// after the container's exit its resource showed Exited.</item>
/// <item><c>logs</c>: one container printing <c>count</c> lines; prints how many reached the resource logger, in order.</item>
/// </list>
/// Resource names are <c>&lt;label&gt;-s&lt;i&gt;</c> (session) and <c>&lt;label&gt;-p&lt;i&gt;</c> (persistent).
/// </summary>
public static class BenchApp
{
    public const string ServiceImage = "localhost/actr-test/service";
    public const string ServiceTag = "latest";
    public const string RunLabel = "engh.run";
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<int> RunAsync(string[] args, AddBenchContainer add)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: <hold|exits|logs> <label> [count] [persistent]");
            return 2;
        }

        var (scenario, label) = (args[0], args[1]);
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var persistent = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0;
        if (count < 0 || persistent < 0 || (scenario == "hold" ? count + persistent : count) == 0)
        {
            Console.Error.WriteLine($"'{scenario}' needs at least one container (count {count}, persistent {persistent}).");
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = [], DisableDashboard = true });
        Func<DistributedApplication, Task> run = scenario switch
        {
            "hold" => HoldScenario.Configure(builder, add, label, count, persistent, clock),
            "exits" => ExitScenario.Configure(builder, add, label, count),
            "logs" => LogScenario.Configure(builder, add, label, count),
            _ => throw new ArgumentException($"Unknown scenario '{scenario}'."),
        };

        await using var app = builder.Build();
        await run(app);
        return 0;
    }

    /// <summary>Waits until every named resource shows <paramref name="state"/>; returns their last events.</summary>
    public static async Task<ResourceEvent[]> WaitForAllAsync(DistributedApplication app, IEnumerable<string> names, string state)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        using var limit = new CancellationTokenSource(Limit);
        return await Task.WhenAll(names.Select(name => notifications.WaitForResourceAsync(name, e => e.Snapshot.State?.Text == state, limit.Token)));
    }

    /// <summary>The clock's reading when the first of the named resources showed <paramref name="state"/> (watching from now on).</summary>
    public static Task<TimeSpan> WhenAnyShows(DistributedApplication app, IEnumerable<string> names, string state, Stopwatch clock)
    {
        var notifications = app.Services.GetRequiredService<ResourceNotificationService>();
        var wanted = names.ToHashSet(StringComparer.Ordinal);
        return Task.Run(async () =>
        {
            using var limit = new CancellationTokenSource(Limit);
            await foreach (var e in notifications.WatchAsync(limit.Token))
            {
                if (wanted.Contains(e.Resource.Name) && e.Snapshot.State?.Text == state)
                {
                    return clock.Elapsed;
                }
            }

            throw new InvalidOperationException($"No resource showed {state}.");
        });
    }

    /// <summary>The container id a resource snapshot names (DCP and the integration both publish <c>container.id</c>).</summary>
    public static string ContainerId(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "container.id")?.Value?.ToString() ?? throw new InvalidOperationException($"'{e.Resource.Name}' has no container id.");

    public static void Print(string line) => Console.Out.WriteLine(line);

    public static string Ms(TimeSpan span) => span.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture);
}
