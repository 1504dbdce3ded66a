using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>
/// The runtime goes down and comes back while the AppHost runs (see <see cref="IRuntimeSwitch"/>, chosen per runtime):
/// resources show the coded diagnostic, never a made-up exit code, and start again once it is back.
/// </summary>
public abstract class RuntimeAvailabilityTests<TRuntime> : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string RuntimeNotRunning = "ACTR1002:";
    private const string SessionLabel = "io.aspire.applecontainer.session";
    private readonly TRuntime _runtime;
    private readonly Func<TRuntime, Task<IRuntimeSwitch>> _createSwitch;

    private protected RuntimeAvailabilityTests(TRuntime runtime, Func<TRuntime, Task<IRuntimeSwitch>> createSwitch)
    {
        _runtime = runtime;
        _createSwitch = createSwitch;
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task A_runtime_down_at_start_fails_each_resource_with_a_coded_diagnostic_and_they_start_once_it_is_back()
    {
        await using var runtimeSwitch = await CreateSwitchAsync();
        await runtimeSwitch.DownAsync();
        await using var test = CreateApp(runtimeSwitch);
        test.AddService("web").WithHttpEndpoint(targetPort: 8080);
        test.AddService("worker").WithArgs("sleep", "300");
        await test.StartAsync();

        var web = await test.WaitForStateAsync("web", KnownResourceStates.FailedToStart);
        var worker = await test.WaitForStateAsync("worker", KnownResourceStates.FailedToStart);
        Assert.StartsWith(RuntimeNotRunning, ReliabilityApp.Error(web), StringComparison.Ordinal);
        Assert.StartsWith(RuntimeNotRunning, ReliabilityApp.Error(worker), StringComparison.Ordinal);
        Assert.False(test.App!.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);

        await runtimeSwitch.UpAsync();
        var started = await Task.WhenAll(test.ExecuteAsync("web", KnownResourceCommands.StartCommand), test.ExecuteAsync("worker", KnownResourceCommands.StartCommand));

        Assert.All(started, result => Assert.True(result.Success, result.Message));
        await test.WaitForStateAsync("web", KnownResourceStates.Running);
        await test.WaitForStateAsync("worker", KnownResourceStates.Running);
        using var client = new HttpClient();
        Assert.Equal("actr-test-service", (await client.GetStringAsync(test.App.GetEndpoint(test.Name("web"), "http"))).Trim());

        // Crash cleanup was set up by the first start that found the runtime, although that was a command.
        var session = (await test.ListContainersAsync()).First().Labels[SessionLabel];
        Assert.True(WatchdogRunsFor(session), $"No cleanup watchdog runs for session {session}.");
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task A_runtime_stopped_mid_run_shows_a_coded_diagnostic_and_the_resource_restarts_once_it_is_back()
    {
        await using var runtimeSwitch = await CreateSwitchAsync();
        await using var test = await StartRunningWorkerAsync(runtimeSwitch);

        await runtimeSwitch.DownAsync();
        var lost = await test.WaitForAsync("worker", e => e.Snapshot.State?.Text != KnownResourceStates.Running);
        await test.ExecuteAsync("worker", KnownResourceCommands.RestartCommand);
        var refused = await test.WaitForStateAsync("worker", KnownResourceStates.FailedToStart);

        Assert.Equal(KnownResourceStates.Exited, lost.Snapshot.State?.Text);
        Assert.Null(lost.Snapshot.ExitCode); // unknown, never a made-up one
        Assert.StartsWith(RuntimeNotRunning, ReliabilityApp.Error(lost), StringComparison.Ordinal);
        Assert.StartsWith(RuntimeNotRunning, ReliabilityApp.Error(refused), StringComparison.Ordinal);
        Assert.False(test.App!.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);

        await runtimeSwitch.UpAsync();
        var restarted = await test.ExecuteAsync("worker", KnownResourceCommands.RestartCommand);
        var after = await test.WaitForStateAsync("worker", KnownResourceStates.Running);

        Assert.True(restarted.Success, restarted.Message);
        Assert.Null(ReliabilityApp.Error(after));
        Assert.Single(await test.ListContainersAsync());
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task Stopping_while_the_runtime_is_down_ends_in_Exited_with_a_coded_diagnostic_not_in_Stopping()
    {
        await using var runtimeSwitch = await CreateSwitchAsync();
        await using var test = await StartRunningWorkerAsync(runtimeSwitch);

        await runtimeSwitch.DownAsync();
        var stopped = await test.ExecuteAsync("worker", KnownResourceCommands.StopCommand);
        var after = await test.WaitForAsync("worker", e => e.Snapshot.State?.Text != KnownResourceStates.Running && e.Snapshot.State?.Text != KnownResourceStates.Stopping, TimeSpan.FromSeconds(30));

        Assert.True(stopped.Success, stopped.Message);
        Assert.Equal(KnownResourceStates.Exited, after.Snapshot.State?.Text);
        Assert.Null(after.Snapshot.ExitCode);
        Assert.StartsWith(RuntimeNotRunning, ReliabilityApp.Error(after), StringComparison.Ordinal);

        await runtimeSwitch.UpAsync();
        var started = await test.ExecuteAsync("worker", KnownResourceCommands.StartCommand);
        await test.WaitForStateAsync("worker", KnownResourceStates.Running);

        Assert.True(started.Success, started.Message);
        Assert.Single(await test.ListContainersAsync());
    }

    /// <summary>A switch for this test, made once the test's own bridge on the runtime exists (it is selected while the runtime runs).</summary>
    private async Task<IRuntimeSwitch> CreateSwitchAsync()
    {
        await _runtime.BridgeAsync();
        return await _createSwitch(_runtime);
    }

    /// <summary>An app that reaches the runtime through the switch, and brings the runtime back before its cleanup, even when the test failed while it was down.</summary>
    private ReliabilityApp CreateApp(IRuntimeSwitch runtimeSwitch)
    {
        var test = ReliabilityApp.Create(_runtime);
        runtimeSwitch.Configure(test.Builder);
        test.BeforeCleanUp = runtimeSwitch.UpAsync;
        return test;
    }

    /// <summary>An app whose one container ("worker", sleeping) runs.</summary>
    private async Task<ReliabilityApp> StartRunningWorkerAsync(IRuntimeSwitch runtimeSwitch)
    {
        var test = CreateApp(runtimeSwitch);
        try
        {
            test.AddService("worker").WithArgs("sleep", "300");
            await test.StartAsync();
            await test.WaitForStateAsync("worker", KnownResourceStates.Running);
            return test;
        }
        catch
        {
            await test.DisposeAsync(); // removes what it labelled
            throw;
        }
    }

    private static bool WatchdogRunsFor(string session) =>
        ArgvSampler.ReadAll()
            .Any(commandLine => commandLine.Contains("Watchdog", StringComparison.Ordinal) && commandLine.Contains(session, StringComparison.Ordinal));
}
