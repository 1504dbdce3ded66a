using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

[Collection(ReliabilityCollection.Name)]
public class CrashTests
{
    private const string LifetimeLabel = "io.aspire.applecontainer.lifetime";

    [PodmanFact(Timeout = 240_000)]
    public async Task A_SIGKILLed_AppHost_leaves_no_session_container_after_15_seconds_and_the_next_run_reuses_its_persistent_one()
    {
        var prefix = TestLabels.New();
        try
        {
            Dictionary<string, string> first;
            using (var appHost = BenchAppHostProcess.Start(prefix, session: 2, persistent: 1))
            {
                await appHost.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
                first = new(appHost.Containers);
                Assert.Equal(3, (await TestLabels.ListContainersAsync(prefix)).Count);
                await appHost.KillAsync();
            }

            var clock = Stopwatch.StartNew();
            while ((await SessionContainersAsync(prefix)).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(250);
            }

            var afterCrash = await TestLabels.ListContainersAsync(prefix);
            var survivor = Assert.Single(afterCrash);
            Assert.Equal(first[$"{prefix}-p0"], survivor.Id);
            Assert.Equal(ContainerState.Running, survivor.State);

            using var second = BenchAppHostProcess.Start(prefix, session: 2, persistent: 1);
            await second.WaitUntilRunningAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(first[$"{prefix}-p0"], second.Containers[$"{prefix}-p0"]);
            Assert.NotEqual(first[$"{prefix}-s0"], second.Containers[$"{prefix}-s0"]);
            Assert.Equal(3, (await TestLabels.ListContainersAsync(prefix)).Count);
            await second.KillAsync();
        }
        finally
        {
            await TestLabels.RemoveAsync(prefix);
        }
    }

    private static async Task<List<ContainerInfo>> SessionContainersAsync(string prefix) =>
        (await TestLabels.ListContainersAsync(prefix)).Where(c => c.Labels.GetValueOrDefault(LifetimeLabel) == "session").ToList();
}
