using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.ReliabilityTests.Support;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Runtime;

/// <summary>Secret values on their way to containers.</summary>
public abstract class SecretTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    [RuntimeFact(Timeout = 180_000)]
    public async Task No_secret_value_reaches_a_process_argv_or_any_log_during_a_full_run()
    {
        var secret = "engh-Secret-" + Guid.NewGuid().ToString("N");
        var logs = new CapturingLoggerProvider();
        await using var argvs = new ArgvSampler(secret);
        await using var test = ReliabilityApp.Create(runtime);
        // Debug, below an AppHost's default: at Trace, Aspire's own ResourceNotificationService prints every snapshot,
        // the parameter's value included, which is Aspire's behaviour and outside this integration.
        test.Builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(logs));
        test.Builder.Configuration[$"Parameters:{test.Name("password")}"] = secret;
        var password = test.Builder.AddParameter(test.Name("password"), secret: true);
        // The containers do not print their environment (the service image would): only the orchestrator is under test.
        var db = test.AddService("db").WithEntrypoint("sleep").WithArgs("300").WithEnvironment("PASSWORD", password);
        test.AddService("api").WithEntrypoint("sleep").WithArgs("300")
            .WithEnvironment("DB_URL", ReferenceExpression.Create($"db://admin:{password}@db:5432"))
            .WaitFor(db);
        var resourceLogs = new List<string>();
        await test.StartAsync();
        var watch = WatchLogsAsync(test, ["db", "api"], resourceLogs);

        var api = await test.WaitForStateAsync("api", KnownResourceStates.Running);
        var restart = await test.ExecuteAsync("db", KnownResourceCommands.RestartCommand);
        await test.WaitForStateAsync("db", KnownResourceStates.Running);
        var inside = await (await runtime.BridgeAsync()).ExecAsync(ReliabilityApp.ContainerId(api), new ExecSpec { Command = ["sh", "-c", "echo \"$DB_URL\""] });
        await test.StopAppAsync();
        await watch;
        await argvs.DisposeAsync();

        Assert.True(restart.Success, restart.Message);
        Assert.Equal($"db://admin:{secret}@db:5432", inside.StandardOutput.Trim()); // it did reach the container
        Assert.True(argvs.Passes > 10, $"only {argvs.Passes} passes over /proc");
        Assert.Empty(argvs.Hits);
        Assert.NotEmpty(logs.Messages);
        Assert.DoesNotContain(logs.Messages, m => m.Contains(secret, StringComparison.Ordinal));
        Assert.NotEmpty(resourceLogs);
        Assert.DoesNotContain(resourceLogs, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(api.Snapshot.EnvironmentVariables, e => e.Value?.Contains(secret, StringComparison.Ordinal) == true);
    }

    /// <summary>Collects the resource logs of the named resources until the application stops.</summary>
    private static Task WatchLogsAsync(ReliabilityApp test, string[] suffixes, List<string> lines)
    {
        var loggers = test.Loggers;
        return Task.WhenAll(suffixes.Select(suffix => Task.Run(async () =>
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await foreach (var batch in loggers.WatchAsync(test.Name(suffix)).WithCancellation(limit.Token))
                {
                    lock (lines)
                    {
                        lines.AddRange(batch.Select(l => l.Content));
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        })));
    }
}
