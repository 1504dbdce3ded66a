namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// Logs of a container with no observer of this process (a persistent one, or one another process started) come from
/// <c>container logs</c>, whose <c>--follow</c> splits each read chunk on newlines and drops empty pieces
/// (ContainerLogs.swift@1.2.2:127-129). Every line must still arrive once, whole, in order.
/// </summary>
public sealed class AppleEmulatorLogFollowTests
{
    [EmulatorFact(Timeout = 120_000)]
    public async Task A_follow_delivers_every_line_once_and_whole_even_empty_lines_and_lines_written_in_pieces()
    {
        await using var sandbox = new EmulatorSandbox();
        IContainerRuntime runtime = sandbox.Runtime();
        var spec = new RunSpec
        {
            Name = "pieces",
            Image = EmulatorSandbox.BusyboxImage,
            Entrypoint = ["/bin/sh", "-c"],
            Args = ["sleep 2; printf 'first\\n\\nsec'; sleep 1; printf 'ond\\n'; sleep 1; printf '\\n\\nthird\\n'; sleep 1; printf 'last'"],
            Persistent = true,
        };

        var id = (await runtime.RunContainerAsync(spec)).Id;
        var lines = new List<string>();
        await foreach (var line in runtime.GetLogsAsync(id, follow: true).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token))
        {
            lines.Add(line.Text);
        }

        Assert.Equal(["first", "", "second", "", "", "third", "last"], lines);
    }

    [EmulatorFact(Timeout = 120_000)]
    public async Task A_follow_started_while_the_container_already_logs_resumes_without_repeating_or_losing_a_line()
    {
        await using var sandbox = new EmulatorSandbox();
        IContainerRuntime runtime = sandbox.Runtime();
        var spec = new RunSpec
        {
            Name = "counter",
            Image = EmulatorSandbox.BusyboxImage,
            Entrypoint = ["/bin/sh", "-c"],
            Args = ["i=0; while [ $i -lt 40 ]; do i=$((i+1)); echo \"n $i\"; sleep 0.1; done"],
            Persistent = true,
        };

        var id = (await runtime.RunContainerAsync(spec)).Id;
        await Task.Delay(1500); // a follow that starts in the middle of the output, as a reattaching AppHost's does
        var lines = new List<string>();
        await foreach (var line in runtime.GetLogsAsync(id, follow: true).WithCancellation(new CancellationTokenSource(TimeSpan.FromSeconds(90)).Token))
        {
            lines.Add(line.Text);
        }

        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"n {i}"), lines);
    }
}
