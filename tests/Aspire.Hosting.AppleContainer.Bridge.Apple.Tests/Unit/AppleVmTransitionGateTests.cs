namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Unit;

/// <summary>The cap on concurrent VM boots and stops.</summary>
public sealed class AppleVmTransitionGateTests
{
    [Theory]
    [InlineData(1, 2)]
    [InlineData(8, 2)]
    [InlineData(16, 4)]
    [InlineData(24, 6)]
    public void The_default_cap_is_max_2_and_a_quarter_of_the_cores(int cores, int cap)
    {
        Assert.Equal(cap, AppleVmTransitionGate.DefaultCapacity(cores));
    }

    [Fact]
    public void Every_runtime_on_one_CLI_shares_one_gate_and_the_first_sets_its_size()
    {
        var cli = $"/tmp/actr-c-gate-{Guid.NewGuid():N}/container";

        var first = new AppleContainerRuntime(cli, new AppleContainerRuntimeOptions { MaxConcurrentVmTransitions = 3 });
        var second = new AppleContainerRuntime(cli, new AppleContainerRuntimeOptions { MaxConcurrentVmTransitions = 7 });
        var other = new AppleContainerRuntime(cli + "2");

        Assert.Equal(3, first.MaxConcurrentVmTransitions);
        Assert.Equal(3, second.MaxConcurrentVmTransitions);
        Assert.Equal(AppleVmTransitionGate.DefaultCapacity(Environment.ProcessorCount), other.MaxConcurrentVmTransitions);
    }

    [Fact(Timeout = 10_000)]
    public async Task A_transition_beyond_the_cap_waits_for_a_slot()
    {
        var gate = AppleVmTransitionGate.For($"/tmp/actr-c-gate-{Guid.NewGuid():N}/container", 2);
        var one = await gate.EnterAsync(CancellationToken.None);
        var two = await gate.EnterAsync(CancellationToken.None);

        // Only a release completes a waiter (the gate is a semaphore), so the check needs no pause.
        var third = gate.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, gate.InFlight);

        one.Dispose();
        using var slot = await third.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, gate.InFlight);
        two.Dispose();
        two.Dispose();
        Assert.Equal(1, gate.InFlight);
    }

    [Fact(Timeout = 10_000)]
    public async Task Waiting_for_a_slot_can_be_canceled_with_an_OperationCanceledException_carrying_the_token()
    {
        var gate = AppleVmTransitionGate.For($"/tmp/actr-c-gate-{Guid.NewGuid():N}/container", 1);
        using var held = await gate.EnterAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancellation.Token));

        Assert.Equal(cancellation.Token, error.CancellationToken);
    }
}
