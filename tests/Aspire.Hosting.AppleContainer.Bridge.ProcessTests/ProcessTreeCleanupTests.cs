using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

/// <summary>After a canceled or timed-out call, neither the CLI nor any process it started may remain.</summary>
public sealed class ProcessTreeCleanupTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 30_000)]
    public async Task Graceful_cancellation_leaves_no_process_of_the_tree()
    {
        SignalPreconditions.AssertInterruptIsNotIgnored();
        using var directory = new TempDirectory();
        var pidFile = directory.File("tree.pid");
        var request = TreeRequest(pidFile, "handle") with { GracePeriod = TimeSpan.FromSeconds(10) };
        var tree = new List<int>();
        try
        {
            await CancelOnceTheTreeRunsAsync(request, pidFile, tree);

            Assert.True(await ProcessProbe.AllGoneAsync(tree, Settle), $"A process of the tree {string.Join(", ", tree)} survived graceful cancellation.");
        }
        finally
        {
            ProcessProbe.KillAll(tree);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Forceful_cancellation_leaves_no_process_of_the_tree()
    {
        using var directory = new TempDirectory();
        var pidFile = directory.File("tree.pid");
        var request = TreeRequest(pidFile, "ignore") with { GracePeriod = TimeSpan.FromMilliseconds(500) };
        var tree = new List<int>();
        try
        {
            await CancelOnceTheTreeRunsAsync(request, pidFile, tree);

            Assert.True(await ProcessProbe.AllGoneAsync(tree, Settle), $"A process of the tree {string.Join(", ", tree)} survived forceful cancellation.");
        }
        finally
        {
            ProcessProbe.KillAll(tree);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task A_timeout_leaves_no_process_of_the_tree()
    {
        using var directory = new TempDirectory();
        var pidFile = directory.File("tree.pid");
        var request = Fake.Request("spawn", "2", "sleep", "60000", "pids", pidFile, "sleep", "60000") with
        {
            Timeout = TimeSpan.FromSeconds(3),
            GracePeriod = TimeSpan.FromSeconds(5),
        };
        int[] tree = [];
        try
        {
            var error = await Assert.ThrowsAsync<BridgeException>(() => _runner.RunAsync(request));
            tree = await ProcessProbe.ReadPidFileAsync(pidFile, 2, TimeSpan.FromSeconds(1));

            Assert.Equal(BridgeErrorCode.Timeout, error.Code);
            Assert.True(await ProcessProbe.AllGoneAsync(tree, Settle), $"A process of the tree {string.Join(", ", tree)} survived the timeout.");
        }
        finally
        {
            ProcessProbe.KillAll(tree);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Disposing_a_CliProcess_stops_it_and_its_children()
    {
        using var directory = new TempDirectory();
        var pidFile = directory.File("tree.pid");
        int[] tree = [];
        try
        {
            var process = CliProcess.Start(TreeRequest(pidFile, "ignore") with { GracePeriod = TimeSpan.FromMilliseconds(500) });
            await using (process)
            {
                tree = await ProcessProbe.ReadPidFileAsync(pidFile, 2, TimeSpan.FromSeconds(10));
                Assert.Equal(process.ProcessId, tree[0]);
            }

            Assert.True(await ProcessProbe.AllGoneAsync(tree, Settle), $"A process of the tree {string.Join(", ", tree)} survived disposal.");
        }
        finally
        {
            ProcessProbe.KillAll(tree);
        }
    }

    private static ProcessRequest TreeRequest(string pidFile, string signals) =>
        Fake.Request("signals", signals, "spawn", "4", "signals", "ignore", "sleep", "60000", "pids", pidFile, "say", "ready", "sleep", "60000");

    private async Task CancelOnceTheTreeRunsAsync(ProcessRequest request, string pidFile, List<int> tree)
    {
        using var cancellation = new CancellationTokenSource();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in _runner.StreamLinesAsync(request, cancellation.Token))
            {
                if (item.Line.Text == "ready")
                {
                    tree.AddRange(await ProcessProbe.ReadPidFileAsync(pidFile, 2, TimeSpan.FromSeconds(10)));
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(cancellation.Token, error.CancellationToken);
        Assert.Equal(2, tree.Count);
    }
}
