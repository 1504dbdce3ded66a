using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>The orchestrator's everyday work on one runtime: endpoints, health, references, logs, exits, order, restart, secrets.</summary>
public abstract class MultiResourceAppTests<TRuntime>(MultiResourceAppFixture<TRuntime> fixture) : IClassFixture<MultiResourceAppFixture<TRuntime>>
    where TRuntime : TestRuntime, new()
{
    private static readonly Lazy<System.Text.RegularExpressions.Regex> BurstLinePattern = new(() => new(@"(?:^|\s)line (\d+)\s*$"));

    private RuntimeTestApp Test => fixture.Test;

    [RuntimeFact(Timeout = 120_000)]
    public async Task An_HTTP_container_answers_on_its_allocated_127_0_0_1_endpoint_and_becomes_healthy()
    {
        using var limit = new CancellationTokenSource(RuntimeTestApp.StartTimeout);
        var healthy = await Test.Notifications.WaitForResourceHealthyAsync(Test.Name("api"), limit.Token);

        var endpoint = Test.App!.GetEndpoint(Test.Name("api"), "http");
        using var client = new HttpClient();
        var body = await client.GetStringAsync(endpoint);

        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.Equal("actr-test-service", body.Trim());
        var url = Assert.Single(healthy.Snapshot.Urls, u => u.Name == "http"); // shown once, under localhost, as DCP's containers show it
        Assert.Equal(new Uri($"http://localhost:{endpoint.Port}"), new Uri(url.Url));
        Assert.All(healthy.Snapshot.Urls, u => Assert.False(u.IsInactive));
        Assert.Contains(healthy.Snapshot.Properties, p => p.Name == "container.ports" && p.Value is System.Collections.Immutable.ImmutableArray<int> { Length: > 0 }); // target ports, typed as DCP types them
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task An_environment_value_built_from_another_resources_endpoint_arrives_inside_and_connects()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);
        using var client = new HttpClient();

        var environment = await client.GetStringAsync(new Uri(Test.App!.GetEndpoint(Test.Name("web"), "http"), "/cgi-bin/env"));
        var fromInside = await Test.ExecAsync(web, "wget -q -O - \"$API_URL\"");

        Assert.Matches(@"API_URL=http://[^:\s]+:\d+", environment);
        Assert.Equal("actr-test-service", fromInside.Trim());
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task A_container_reaches_a_host_HTTP_listener_bound_only_to_127_0_0_1_through_the_runtimes_host_address()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);
        var hostAddress = await (await Test.BridgeAsync()).GetHostAddressAsync();

        var url = await Test.ExecAsync(web, "echo \"$HOST_URL\"");
        var fromInside = await Test.ExecAsync(web, "wget -q -O - \"$HOST_URL\"");

        Assert.StartsWith($"http://{hostAddress}:", url.Trim(), StringComparison.Ordinal);
        Assert.Equal(MultiResourceAppFixture<TRuntime>.HostListenerContent, fromInside.Trim());
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task Logs_reach_the_resource_logger_with_stderr_marked_as_errors_where_the_runtime_keeps_them_apart()
    {
        await Test.WaitForStateAsync("api", KnownResourceStates.Running);
        var seen = await WatchLogsUntilAsync("api", lines => lines.Any(l => l.Content.Contains("ACTR-SERVICE-STARTED")) && lines.Any(l => l.Content.Contains("ACTR-SERVICE-STDERR")));

        Assert.False(seen.Single(l => l.Content.Contains("ACTR-SERVICE-STARTED")).IsErrorMessage);
        Assert.True(seen.Single(l => l.Content.Contains("ACTR-SERVICE-STDERR")).IsErrorMessage);
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task A_burst_of_100000_lines_reaches_the_resource_log_complete_and_in_order()
    {
        await Test.WaitForStateAsync("burst", KnownResourceStates.Exited, TimeSpan.FromSeconds(150));
        const int expected = MultiResourceAppFixture<TRuntime>.BurstLines;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (fixture.BurstLog.Count(IsBurstLine) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var numbers = fixture.BurstLog.Select(l => BurstLine().Match(l.Content)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(expected, numbers.Count);
        Assert.Equal(Enumerable.Range(1, expected), numbers);
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task A_container_exiting_with_code_3_shows_Exited_and_3()
    {
        var exited = await Test.WaitForStateAsync("exit3", KnownResourceStates.Exited);

        Assert.Equal(3, exited.Snapshot.ExitCode);
        Assert.NotNull(exited.Snapshot.StopTimeStamp);
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task WaitFor_orders_starts_and_WaitForCompletion_starts_after_the_job_ends()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);
        var api = await Test.WaitForStateAsync("api", KnownResourceStates.Running);
        var after = await Test.WaitForStateAsync("after", KnownResourceStates.Running);
        var job = await Test.WaitForStateAsync("job", KnownResourceStates.Exited);

        Assert.True(web.Snapshot.StartTimeStamp >= api.Snapshot.StartTimeStamp, $"web started {web.Snapshot.StartTimeStamp:O}, api {api.Snapshot.StartTimeStamp:O}");
        Assert.Equal(0, job.Snapshot.ExitCode);
        Assert.True(after.Snapshot.StartTimeStamp >= job.Snapshot.StopTimeStamp, $"after started {after.Snapshot.StartTimeStamp:O}, job stopped {job.Snapshot.StopTimeStamp:O}");
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task The_restart_command_replaces_the_container_and_runs_it_again()
    {
        var before = await Test.WaitForStateAsync("restartable", KnownResourceStates.Running);
        var commands = Test.App!.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync(Test.Name("restartable"), KnownResourceCommands.RestartCommand);
        var after = await Test.WaitForAsync("restartable", e => e.Snapshot.State?.Text == KnownResourceStates.Running && e.Snapshot.StartTimeStamp > before.Snapshot.StartTimeStamp);

        Assert.True(result.Success, result.Message);
        Assert.Single(await Test.ListContainersAsync(), c => c.Labels.GetValueOrDefault("io.aspire.applecontainer.resource") == Test.Name("restartable"));
        Assert.Equal(ContainerState.Running, (await (await Test.BridgeAsync()).InspectContainerAsync(LabelledTestApp.ContainerId(after))).State);
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task A_secret_parameter_reaches_the_container_but_never_a_process_argv()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);

        var inside = await Test.ExecAsync(web, "echo \"$SECRET_VALUE\"");
        var createCommand = await fixture.Runtime.RecordedCreateCommandAsync(LabelledTestApp.ContainerId(web));
        var argvs = Directory.EnumerateDirectories("/proc").Select(d => TryRead(Path.Combine(d, "cmdline"))).ToList();

        Assert.Equal(MultiResourceAppFixture<TRuntime>.Secret, inside.Trim());
        Assert.DoesNotContain(argvs, argv => argv.Contains(MultiResourceAppFixture<TRuntime>.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(web.Snapshot.EnvironmentVariables, e => e.Value?.Contains(MultiResourceAppFixture<TRuntime>.Secret, StringComparison.Ordinal) == true);
        if (createCommand is not null)
        {
            // The runtime kept the command that created it: read back, it holds no secret either.
            Assert.DoesNotContain(MultiResourceAppFixture<TRuntime>.Secret, createCommand, StringComparison.Ordinal);
        }
    }

    [RuntimeFact(Timeout = 120_000)]
    public async Task WithCpus_WithMemory_and_WithInit_reach_the_runtimes_run_command_as_runtime_arguments()
    {
        var limited = await Test.WaitForStateAsync("limited", KnownResourceStates.Running);

        var createCommand = await fixture.Runtime.RecordedCreateCommandAsync(LabelledTestApp.ContainerId(limited));

        Assert.Equal(KnownResourceStates.Running, limited.Snapshot.State?.Text);
        if (createCommand is not null)
        {
            var memory = MultiResourceAppFixture<TRuntime>.LimitedMemoryBytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Assert.Contains("\"--cpus\",\"1\"", createCommand, StringComparison.Ordinal);
            Assert.Contains($"\"--memory\",\"{memory}\"", createCommand, StringComparison.Ordinal);
            Assert.Contains("\"--init\"", createCommand, StringComparison.Ordinal);
        }
    }

    private static bool IsBurstLine(LogLine line) => BurstLine().IsMatch(line.Content);

    private static System.Text.RegularExpressions.Regex BurstLine() => BurstLinePattern.Value;

    private async Task<List<LogLine>> WatchLogsUntilAsync(string suffix, Func<List<LogLine>, bool> enough, TimeSpan? timeout = null)
    {
        var loggers = Test.App!.Services.GetRequiredService<ResourceLoggerService>();
        var seen = new List<LogLine>();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        await foreach (var batch in loggers.WatchAsync(Test.Name(suffix)).WithCancellation(limit.Token))
        {
            seen.AddRange(batch);
            if (enough(seen))
            {
                break;
            }
        }

        return seen;
    }

    private static string TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
