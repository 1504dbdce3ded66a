using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>A container that exits as soon as it starts, over and over.</summary>
public abstract class CrashLoopTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 180_000)]
    public async Task A_crash_looping_container_reports_its_exit_code_every_time_without_a_busy_loop_and_restarts_on_command()
    {
        await using var test = ReliabilityApp.Create(runtime);
        test.AddService("crasher").WithEnvironment("EXIT_CODE", "7");
        await test.StartAsync();
        var exits = new List<ResourceEvent> { await test.WaitForAsync("crasher", IsExitedWith7) };

        for (var run = 1; run <= 3; run++)
        {
            var previous = Container(exits[^1]);
            var restart = await test.ExecuteAsync("crasher", KnownResourceCommands.RestartCommand);
            Assert.True(restart.Success, restart.Message);
            exits.Add(await test.WaitForAsync("crasher", e => IsExitedWith7(e) && Container(e) != previous));
        }

        // Left alone, an exited container stays Exited: no automatic restarts, no polling that burns CPU.
        var cpuBefore = ProcessCpuSeconds();
        var clock = Stopwatch.StartNew();
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var later = new List<string?>();
        try
        {
            await foreach (var e in test.Notifications.WatchAsync(quiet.Token))
            {
                if (e.Resource.Name == test.Name("crasher"))
                {
                    later.Add(e.Snapshot.State?.Text);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        var cpuShare = (ProcessCpuSeconds() - cpuBefore) / clock.Elapsed.TotalSeconds;
        Assert.Equal(4, exits.Select(Container).Distinct().Count());
        Assert.All(later, state => Assert.Equal(KnownResourceStates.Exited, state)); // the replayed current state only
        Assert.True(cpuShare < 0.25, $"The AppHost used {cpuShare:P0} of a core while the crashed container stayed down.");
        Assert.Single(await test.ListContainersAsync()); // each restart replaced the previous container
    }

    /// <summary>A container is the same one when its id and creation time are (Apple's ids are its names, kept on recreation).</summary>
    private static (string Id, DateTime? CreatedAt) Container(ResourceEvent e) => (ReliabilityApp.ContainerId(e), e.Snapshot.CreationTimeStamp);

    private static bool IsExitedWith7(ResourceEvent e) => e.Snapshot.State?.Text == KnownResourceStates.Exited && e.Snapshot.ExitCode == 7;

    /// <summary>User + system CPU seconds of this process (the AppHost under test runs in it), from /proc/self/stat.</summary>
    private static double ProcessCpuSeconds()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + double.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100;
    }
}
