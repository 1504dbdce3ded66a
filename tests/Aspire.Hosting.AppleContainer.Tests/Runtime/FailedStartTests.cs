using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>A container that cannot start fails alone, with a code; a good start shows what inspect learns.</summary>
public abstract class FailedStartTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 120_000)]
    public async Task A_container_that_cannot_start_fails_with_a_coded_error_and_leaves_no_container_behind_while_the_others_run()
    {
        await using var test = RuntimeTestApp.Create(runtime);
        test.AddService("broken").WithEntrypoint("/engd/no/such/program");
        test.AddService("fine").WithArgs("sleep", "300");
        await test.StartAsync();

        var failed = await test.WaitForStateAsync("broken", KnownResourceStates.FailedToStart);
        await test.WaitForStateAsync("fine", KnownResourceStates.Running);

        var message = (string)failed.Snapshot.Properties.Single(p => p.Name == "applecontainer.error").Value!;
        Assert.StartsWith("ACTR", message, StringComparison.Ordinal);
        var left = await test.ListContainersAsync();
        Assert.Equal(test.Name("fine"), Assert.Single(left).Labels["io.aspire.applecontainer.resource"]);
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task The_first_start_publishes_Running_and_then_the_inspected_address_and_start_time()
    {
        await using var test = RuntimeTestApp.Create(runtime);
        test.AddService("inspected").WithArgs("sleep", "300");
        await test.StartAsync();

        var inspected = await test.WaitForAsync("inspected", e =>
            e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.Properties.Any(p => p.Name == "container.ip"));

        var info = await (await runtime.BridgeAsync()).InspectContainerAsync(LabelledTestApp.ContainerId(inspected));
        Assert.Equal(info.IpAddress, inspected.Snapshot.Properties.Single(p => p.Name == "container.ip").Value);
        Assert.Equal(info.StartedAt!.Value.UtcDateTime, inspected.Snapshot.StartTimeStamp);
    }
}
