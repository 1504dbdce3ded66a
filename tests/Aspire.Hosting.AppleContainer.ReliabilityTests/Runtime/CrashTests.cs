using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>An AppHost killed with SIGKILL.</summary>
public abstract class CrashTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string LifetimeLabel = "io.aspire.applecontainer.lifetime";

    [RuntimeFact(Timeout = 240_000)]
    public async Task A_SIGKILLed_AppHost_leaves_no_session_container_after_15_seconds_and_the_next_run_reuses_its_persistent_one()
    {
        var prefix = TestLabels.New(runtime);
        try
        {
            Dictionary<string, string> first;
            using (var appHost = BenchAppHostProcess.Start(runtime, prefix, session: 2, persistent: 1))
            {
                await appHost.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
                first = new(appHost.Containers);
                Assert.Equal(3, (await TestLabels.ListContainersAsync(runtime, prefix)).Count);
                await appHost.KillAsync();
            }

            var clock = Stopwatch.StartNew();
            while ((await SessionContainersAsync(prefix)).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(250);
            }

            var afterCrash = await TestLabels.ListContainersAsync(runtime, prefix);
            var survivor = Assert.Single(afterCrash);
            Assert.Equal(first[$"{prefix}-p0"], survivor.Id);
            Assert.Equal(ContainerState.Running, survivor.State);

            using var second = BenchAppHostProcess.Start(runtime, prefix, session: 2, persistent: 1);
            await second.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(first[$"{prefix}-p0"], second.Containers[$"{prefix}-p0"]);
            Assert.NotEqual(first[$"{prefix}-s0"], second.Containers[$"{prefix}-s0"]);
            Assert.Equal(3, (await TestLabels.ListContainersAsync(runtime, prefix)).Count);
            await second.KillAsync();
        }
        finally
        {
            await TestLabels.RemoveAsync(runtime, prefix);
            await OrphanedProcesses.EndThoseMentioningAsync(prefix); // a safety net: the watchdog ends them (asserted by the integration suite), but may still be at it
        }
    }

    private async Task<List<ContainerInfo>> SessionContainersAsync(string prefix) =>
        (await TestLabels.ListContainersAsync(runtime, prefix)).Where(c => c.Labels.GetValueOrDefault(LifetimeLabel) == "session").ToList();
}
