using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

[Collection(PodmanCollection.Name)]
public class SessionSweepTests
{
    [PodmanFact(Timeout = 120_000)]
    public async Task Starting_an_AppHost_removes_session_containers_of_AppHosts_that_no_longer_run()
    {
        var runtime = await PodmanTestApp.Runtime.Value;
        await using var test = PodmanTestApp.Create();
        var orphan = await runtime.CreateContainerAsync(new RunSpec
        {
            Name = test.Name("orphan"),
            Image = "localhost/actr-test/service:latest",
            Args = ["sleep", "300"],
            Labels = new Dictionary<string, string>
            {
                [PodmanTestApp.TestLabel] = test.Prefix,
                ["io.aspire.applecontainer.managed"] = "true",
                ["io.aspire.applecontainer.lifetime"] = "session",
                ["io.aspire.applecontainer.session"] = "0000000000000000",
                ["io.aspire.applecontainer.owner"] = "2147483646-1", // no such process
            },
        });
        test.AddService("live").WithArgs("sleep", "300");

        await test.StartAsync();
        await test.WaitForStateAsync("live", KnownResourceStates.Running);

        // The sweep runs beside the first start (it never touches this session's containers), so give it a moment.
        var left = await test.ListContainersAsync();
        for (var attempt = 0; attempt < 50 && left.Any(c => c.Id == orphan); attempt++)
        {
            await Task.Delay(100);
            left = await test.ListContainersAsync();
        }

        Assert.DoesNotContain(left, c => c.Id == orphan);
        Assert.Single(left);
    }
}
