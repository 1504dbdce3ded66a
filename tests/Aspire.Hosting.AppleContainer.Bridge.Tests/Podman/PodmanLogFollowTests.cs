using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>
/// Following logs on real podman with the <c>k8s-file</c> driver: the dialect reads the container's log file itself
/// (no <c>podman logs --follow</c> per container) and must deliver what that command would, ending when it would. A
/// runtime that must be told apart from others runs podman through a symlink of its own, so only its processes count.
/// </summary>
public sealed class PodmanLogFollowTests(PodmanFixture fixture) : RuntimeContract<PodmanFixture>(fixture)
{
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Following_by_name_delivers_stdout_and_stderr_lines_in_the_order_they_were_written()
    {
        await using var scope = BeginTest();
        var spec = scope.ServiceSpec(args: ["sh", "-c", "echo o1; sleep 0.2; echo e1 >&2; sleep 0.2; echo o2; sleep 0.2; echo e2 >&2; sleep 300"]);
        await scope.RunAsync(spec);
        using var cancellation = new CancellationTokenSource();
        var lines = new List<ContainerLogLine>();

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var line in Runtime.GetLogsAsync(spec.Name, follow: true, cancellation.Token))
            {
                lines.Add(line);
                if (line.Text == "e2")
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.True(error is OperationCanceledException canceled && canceled.CancellationToken == cancellation.Token, $"unexpected outcome: {error}");
        Assert.Equal([Out("o1"), Err("e1"), Out("o2"), Err("e2")], lines.Where(line => line.Text is "o1" or "e1" or "o2" or "e2"));
        Assert.Contains(Err("ACTR-SERVICE-STDERR"), lines);
    }

    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_20000_line_burst_written_while_following_arrives_complete_and_in_order_and_the_exit_ends_the_stream()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sh", "-c", "sleep 2; seq 1 20000 | sed 's/^/line /'"]));

        var lines = await CollectAsync(Runtime, id);
        var state = (await Runtime.InspectContainerAsync(id)).State;

        var numbered = lines.Where(l => l.Text.StartsWith("line ", StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => Out($"line {i}")), numbered);
        Assert.Equal(ContainerState.Exited, state);
    }

    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task The_follow_ends_when_the_container_exits_after_its_last_line_and_not_before()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sh", "-c", "echo first; sleep 3; printf 'last without newline'"]));
        var started = DateTime.UtcNow;

        var lines = await CollectAsync(Runtime, id);
        var elapsed = DateTime.UtcNow - started;
        var info = await Runtime.InspectContainerAsync(id);

        Assert.Equal(ContainerState.Exited, info.State);
        Assert.True(elapsed > TimeSpan.FromSeconds(2), $"the follow ended after {elapsed}, before the container exited");
        // Only one stream's order is kept: conmon reads stdout and stderr from separate pipes, so the entrypoint's
        // stderr line written just before "first" may land in the file after it.
        Assert.Equal([Out("first"), Out("last without newline")], lines.Where(line => line.Stream == LogStream.StandardOutput).TakeLast(2));
        Assert.Equal(Out("last without newline"), lines[^1]);
    }

    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task A_follow_after_a_restart_replays_every_run_and_ends_with_the_new_run()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sh", "-c", "echo run; sleep 1"]));
        await Runtime.WaitForExitAsync(id);
        await Runtime.StartContainerAsync(id);

        var lines = await CollectAsync(Runtime, id);

        Assert.Equal([Out("run"), Out("run")], lines.Where(line => line.Text == "run"));
        Assert.Equal(ContainerState.Exited, (await Runtime.InspectContainerAsync(id)).State);
    }

    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Following_runs_no_logs_process_only_the_shared_events_stream_which_stops_with_the_last_follow()
    {
        await using var scope = BeginTest();
        var (runtime, podman) = CreateRuntimeWithOwnExecutable(scope);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"])));
        }

        using var cancellation = new CancellationTokenSource();
        var started = ids.Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToList();
        var follows = ids.Select((id, i) => Task.Run(async () =>
        {
            await foreach (var line in runtime.GetLogsAsync(id, follow: true, cancellation.Token))
            {
                if (line.Text == "ACTR-SERVICE-STARTED")
                {
                    started[i].TrySetResult();
                }
            }
        })).ToList();
        await Task.WhenAll(started.Select(s => s.Task)).WaitAsync(TimeSpan.FromSeconds(30));
        var sharedStream = await EventuallyAsync(() => Task.FromResult(PodmanChildProcesses.Count(podman, "events") == 1), TimeSpan.FromSeconds(5));
        var logsProcesses = PodmanChildProcesses.Count(podman, "logs");

        cancellation.Cancel();
        var outcomes = await Task.WhenAll(follows.Select(follow => Record.ExceptionAsync(() => follow)));
        var streamStopped = await EventuallyAsync(() => Task.FromResult(PodmanChildProcesses.Count(podman, "events") == 0), TimeSpan.FromSeconds(5));

        Assert.True(sharedStream, "Three follows should rely on exactly one `podman events` process.");
        Assert.Equal(0, logsProcesses);
        Assert.All(outcomes, error => Assert.True(error is OperationCanceledException canceled && canceled.CancellationToken == cancellation.Token, $"unexpected outcome: {error}"));
        Assert.True(streamStopped, "The events process should stop once nothing follows or waits.");
    }

    private (OciContainerRuntime Runtime, string Podman) CreateRuntimeWithOwnExecutable(ResourceScope scope)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{Fixture.NamePrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        scope.TrackPath(directory);
        var podman = Path.Combine(directory, "podman");
        File.CreateSymbolicLink(podman, Fixture.PodmanPath.Contains('/') ? Fixture.PodmanPath : "/usr/bin/podman");
        return (new OciContainerRuntime("podman", podman), podman);
    }

    private static async Task<List<ContainerLogLine>> CollectAsync(IContainerRuntime runtime, string id)
    {
        var lines = new List<ContainerLogLine>();
        await foreach (var line in runtime.GetLogsAsync(id, follow: true))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static ContainerLogLine Out(string text) => new(LogStream.StandardOutput, text);

    private static ContainerLogLine Err(string text) => new(LogStream.StandardError, text);
}
