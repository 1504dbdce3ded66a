using System.Text.RegularExpressions;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>Resources that cannot run fail alone, each with a coded error.</summary>
public abstract class BadInputTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 180_000)]
    public async Task Each_of_over_30_bad_inputs_fails_only_its_own_resource_with_a_coded_error_while_a_good_one_runs()
    {
        using var inputs = new BadInputs();
        await using var test = ReliabilityApp.Create(runtime);
        test.Builder.Configuration[$"Parameters:{test.Name("lines")}"] = "first\nsecond";
        var secret = test.Builder.AddParameter(test.Name("lines"), secret: true);
        var bad = inputs.Create(test, secret);
        foreach (var (suffix, configure) in bad)
        {
            configure(test.AddService(suffix).WithArgs("sleep", "300"));
        }

        test.AddService("good").WithHttpEndpoint(targetPort: 8080);
        var bridge = await runtime.BridgeAsync();
        await bridge.CreateContainerAsync(new RunSpec
        {
            Name = BadInputs.TakenName(test.Prefix),
            Image = ReliabilityApp.ServiceImage + ":latest",
            Args = ["sleep", "300"],
            Labels = TestLabels.Selector(test.Prefix),
        });
        await test.StartAsync();

        await test.WaitForStateAsync("good", KnownResourceStates.Running);
        var outcomes = await Task.WhenAll(bad.Keys.Select(async suffix =>
            (suffix, Event: await test.WaitForAsync(suffix, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text ?? string.Empty) || e.Snapshot.State?.Text == KnownResourceStates.Running))));

        Assert.True(bad.Count >= 30);
        var wrong = outcomes
            .Where(o => o.Event.Snapshot.State?.Text != KnownResourceStates.FailedToStart || !Regex.IsMatch(ReliabilityApp.Error(o.Event) ?? string.Empty, @"^ACTR\d{4}: "))
            .Select(o => $"{o.suffix}: {o.Event.Snapshot.State?.Text} {ReliabilityApp.Error(o.Event)}")
            .ToList();
        Assert.True(wrong.Count == 0, "Not rejected with a coded error:\n" + string.Join('\n', wrong));
        await test.StopAppAsync();
        var left = Assert.Single(await test.ListContainersAsync()); // no bad input left a container behind
        Assert.Equal(BadInputs.TakenName(test.Prefix), left.Name);
    }
}
