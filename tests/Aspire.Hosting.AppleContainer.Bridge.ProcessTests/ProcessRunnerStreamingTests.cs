using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class ProcessRunnerStreamingTests
{
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 30_000)]
    public async Task Streaming_delivers_lines_in_order_per_stream_and_the_exit_code_last()
    {
        var items = new List<ProcessStreamItem>();
        await foreach (var item in _runner.StreamLinesAsync(Fake.Request("interleave", "50", "partial", "tail", "exit", "3")))
        {
            items.Add(item);
        }

        Assert.Equal(3, items[^1].ExitCode);
        Assert.All(items[..^1], item => Assert.Null(item.ExitCode));
        var lines = items[..^1].Select(item => item.Line).ToList();
        Assert.Equal([.. Enumerable.Range(1, 50).Select(i => $"out {i}"), "tail"], Texts(lines, LogStream.StandardOutput));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => $"err {i}"), Texts(lines, LogStream.StandardError));
    }

    [Fact(Timeout = 60_000)]
    public async Task One_hundred_thousand_streamed_lines_arrive_complete_and_in_order()
    {
        var expected = 1;
        int? exitCode = null;
        await foreach (var item in _runner.StreamLinesAsync(Fake.Request("out", "100000")))
        {
            if (item.ExitCode is { } code)
            {
                exitCode = code;
                continue;
            }

            Assert.Equal($"out {expected}", item.Line.Text);
            expected++;
        }

        Assert.Equal(100_001, expected);
        Assert.Equal(0, exitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task Breaking_out_of_the_enumeration_stops_the_process_and_its_children()
    {
        using var directory = new TempDirectory();
        var pidFile = directory.File("tree.pid");
        int[] tree = [];
        try
        {
            await foreach (var item in _runner.StreamLinesAsync(Fake.Request("spawn", "2", "sleep", "60000", "pids", pidFile, "say", "ready", "sleep", "60000")))
            {
                tree = await ProcessProbe.ReadPidFileAsync(pidFile, 2, TimeSpan.FromSeconds(10));
                Assert.Equal("ready", item.Line.Text);
                break;
            }

            Assert.Equal(2, tree.Length);
            Assert.True(await ProcessProbe.AllGoneAsync(tree, TimeSpan.FromSeconds(5)), "A process of the tree outlived the enumeration.");
        }
        finally
        {
            ProcessProbe.KillAll(tree);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_grandchild_that_keeps_the_pipes_open_does_not_hold_up_the_result()
    {
        using var directory = new TempDirectory();
        var pidFile = directory.File("tree.pid");
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await _runner.RunAsync(Fake.Request("spawn", "2", "sleep", "60000", "pids", pidFile, "say", "parent done", "exit", "4") with
            {
                Timeout = TimeSpan.FromSeconds(20),
            });

            Assert.Equal(4, result.ExitCode);
            Assert.Equal("parent done\n", result.StandardOutput);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The result took {clock.Elapsed} although the CLI exited at once.");
        }
        finally
        {
            ProcessProbe.KillAll(await ProcessProbe.ReadPidFileAsync(pidFile, 2, TimeSpan.FromSeconds(5)));
        }
    }

    private static IEnumerable<string> Texts(IEnumerable<ProcessOutputLine> lines, LogStream stream) =>
        lines.Where(line => line.Stream == stream).Select(line => line.Text);
}
