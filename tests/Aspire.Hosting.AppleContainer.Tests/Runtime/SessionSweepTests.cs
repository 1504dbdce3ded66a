using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>Session containers of AppHosts that are gone are swept when the next AppHost starts.</summary>
public abstract class SessionSweepTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 120_000)]
    public async Task Starting_an_AppHost_removes_session_containers_of_AppHosts_that_no_longer_run()
    {
        var bridge = await runtime.BridgeAsync();
        await using var test = RuntimeTestApp.Create(runtime);
        var orphan = await bridge.CreateContainerAsync(new RunSpec
        {
            Name = test.Name("orphan"),
            Image = "localhost/actr-test/service:latest",
            Args = ["sleep", "300"],
            Labels = new Dictionary<string, string>
            {
                [RuntimeTestApp.TestLabel] = test.Prefix,
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
