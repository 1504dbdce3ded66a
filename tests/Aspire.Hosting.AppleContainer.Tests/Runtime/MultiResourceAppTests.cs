using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Tests.Support;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

[Collection(PodmanCollection.Name)]
public class MultiResourceAppTests(MultiResourceAppFixture fixture) : IClassFixture<MultiResourceAppFixture>
{
    private PodmanTestApp Test => fixture.Test;

    [PodmanFact(Timeout = 120_000)]
    public async Task An_HTTP_container_answers_on_its_allocated_127_0_0_1_endpoint_and_becomes_healthy()
    {
        using var limit = new CancellationTokenSource(PodmanTestApp.StartTimeout);
        var healthy = await Test.Notifications.WaitForResourceHealthyAsync(Test.Name("api"), limit.Token);

        var endpoint = Test.App!.GetEndpoint(Test.Name("api"), "http");
        using var client = new HttpClient();
        var body = await client.GetStringAsync(endpoint);

        Assert.Equal("127.0.0.1", endpoint.Host);
        Assert.Equal("actr-test-service", body.Trim());
        Assert.Contains(healthy.Snapshot.Urls, u => u.Name == "http" && new Uri(u.Url) == endpoint);
        Assert.All(healthy.Snapshot.Urls, u => Assert.False(u.IsInactive));
        Assert.Contains(healthy.Snapshot.Properties, p => p.Name == "container.ports" && p.Value!.ToString()!.Length > 0);
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task An_environment_value_built_from_another_resources_endpoint_arrives_inside_and_connects()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);
        using var client = new HttpClient();

        var environment = await client.GetStringAsync(new Uri(Test.App!.GetEndpoint(Test.Name("web"), "http"), "/cgi-bin/env"));
        var fromInside = await ExecAsync(web, "wget -q -O - \"$API_URL\"");

        Assert.Matches(@"API_URL=http://[^:\s]+:\d+", environment);
        Assert.Equal("actr-test-service", fromInside.Trim());
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task A_container_reaches_a_host_HTTP_listener_bound_only_to_127_0_0_1()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);

        var fromInside = await ExecAsync(web, "wget -q -O - \"$HOST_URL\"");

        Assert.Equal(MultiResourceAppFixture.HostListenerContent, fromInside.Trim());
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task Logs_reach_the_resource_logger_with_stderr_marked_as_errors()
    {
        await Test.WaitForStateAsync("api", KnownResourceStates.Running);
        var loggers = Test.App!.Services.GetRequiredService<ResourceLoggerService>();
        var seen = new List<LogLine>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        await foreach (var batch in loggers.WatchAsync(Test.Name("api")).WithCancellation(limit.Token))
        {
            seen.AddRange(batch);
            if (seen.Any(l => l.Content.Contains("ACTR-SERVICE-STARTED")) && seen.Any(l => l.Content.Contains("ACTR-SERVICE-STDERR")))
            {
                break;
            }
        }

        Assert.False(seen.Single(l => l.Content.Contains("ACTR-SERVICE-STARTED")).IsErrorMessage);
        Assert.True(seen.Single(l => l.Content.Contains("ACTR-SERVICE-STDERR")).IsErrorMessage);
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task A_container_exiting_with_code_3_shows_Exited_and_3()
    {
        var exited = await Test.WaitForStateAsync("exit3", KnownResourceStates.Exited);

        Assert.Equal(3, exited.Snapshot.ExitCode);
        Assert.NotNull(exited.Snapshot.StopTimeStamp);
    }

    [PodmanFact(Timeout = 120_000)]
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

    [PodmanFact(Timeout = 120_000)]
    public async Task The_restart_command_replaces_the_container_and_runs_it_again()
    {
        var before = await Test.WaitForStateAsync("restartable", KnownResourceStates.Running);
        var commands = Test.App!.Services.GetRequiredService<ResourceCommandService>();

        var result = await commands.ExecuteCommandAsync(Test.Name("restartable"), KnownResourceCommands.RestartCommand);
        var after = await Test.WaitForAsync("restartable", e => e.Snapshot.State?.Text == KnownResourceStates.Running && PodmanTestApp.ContainerId(e) != PodmanTestApp.ContainerId(before));

        Assert.True(result.Success, result.Message);
        Assert.Single(await Test.ListContainersAsync(), c => c.Labels.GetValueOrDefault("io.aspire.applecontainer.resource") == Test.Name("restartable"));
        Assert.Equal(ContainerState.Running, (await (await PodmanTestApp.Runtime.Value).InspectContainerAsync(PodmanTestApp.ContainerId(after))).State);
    }

    [PodmanFact(Timeout = 120_000)]
    public async Task A_secret_parameter_reaches_the_container_but_never_a_process_argv()
    {
        var web = await Test.WaitForStateAsync("web", KnownResourceStates.Running);

        var inside = await ExecAsync(web, "echo \"$SECRET_VALUE\"");
        var createCommand = await PodmanAsync("inspect", "--format", "{{json .Config.CreateCommand}}", PodmanTestApp.ContainerId(web));
        var argvs = Directory.EnumerateDirectories("/proc").Select(d => TryRead(Path.Combine(d, "cmdline"))).ToList();

        Assert.Equal(MultiResourceAppFixture.Secret, inside.Trim());
        Assert.Contains("\"--detach\"", createCommand, StringComparison.Ordinal); // the command that created it, read back
        Assert.DoesNotContain(MultiResourceAppFixture.Secret, createCommand, StringComparison.Ordinal);
        Assert.DoesNotContain(argvs, argv => argv.Contains(MultiResourceAppFixture.Secret, StringComparison.Ordinal));
        Assert.DoesNotContain(web.Snapshot.EnvironmentVariables, e => e.Value?.Contains(MultiResourceAppFixture.Secret, StringComparison.Ordinal) == true);
    }

    private static async Task<string> ExecAsync(ResourceEvent resource, string script)
    {
        var runtime = await PodmanTestApp.Runtime.Value;
        var result = await runtime.ExecAsync(PodmanTestApp.ContainerId(resource), new ExecSpec { Command = ["sh", "-c", script] });
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }

    private static async Task<string> PodmanAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("podman") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
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
