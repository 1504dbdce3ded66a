using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Logs: complete, ordered, streams told apart, follow ends with the container or promptly on cancel.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ContainerLogsContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>Following a container that prints 1,000 lines and exits at once yields every line in order.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Follow_delivers_all_1000_lines_in_order_of_a_container_that_exits_at_once()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["PRINT_LINES"] = "1000", ["EXIT_CODE"] = "0" }));

        var followed = await CollectAsync(id, follow: true);
        await Runtime.WaitForExitAsync(id);
        var again = await CollectAsync(id, follow: false);

        AssertThousandLines(followed);
        AssertThousandLines(again);
    }

    /// <summary>Standard output and standard error are told apart.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Logs_tell_stdout_and_stderr_apart()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(new Dictionary<string, string> { ["EXIT_CODE"] = "0" }));
        await Runtime.WaitForExitAsync(id);

        var lines = await CollectAsync(id, follow: false);

        Assert.Contains(new ContainerLogLine(LogStream.StandardOutput, "ACTR-SERVICE-STARTED"), lines);
        Assert.Contains(new ContainerLogLine(LogStream.StandardError, "ACTR-SERVICE-STDERR"), lines);
        Assert.DoesNotContain(new ContainerLogLine(LogStream.StandardOutput, "ACTR-SERVICE-STDERR"), lines);
    }

    /// <summary>Canceling a follow of a running container ends the stream within seconds.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Follow_cancellation_ends_the_stream_promptly()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]));
        using var cancellation = new CancellationTokenSource();
        var watch = new Stopwatch();
        var sawStart = false;

        var error = await Record.ExceptionAsync(async () =>
        {
            await foreach (var line in Runtime.GetLogsAsync(id, follow: true, cancellation.Token))
            {
                if (line.Text == "ACTR-SERVICE-STARTED" && !sawStart)
                {
                    sawStart = true;
                    watch.Start();
                    cancellation.Cancel();
                }
            }
        });
        watch.Stop();

        Assert.True(sawStart, "the start line never arrived");
        Assert.True(error is OperationCanceledException canceled && canceled.CancellationToken == cancellation.Token, $"unexpected outcome: {error}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the stream ended {watch.Elapsed} after cancellation");
    }

    /// <summary>The logs of a container that does not exist fail with container_not_found.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Logs_of_a_missing_container_fail_with_container_not_found()
    {
        await using var scope = BeginTest();

        var error = await ThrowsBridgeAsync(() => CollectAsync(scope.NewName(), follow: false));

        Assert.Equal(BridgeErrorCode.ContainerNotFound, error.Code);
    }

    private async Task<List<ContainerLogLine>> CollectAsync(string id, bool follow)
    {
        var lines = new List<ContainerLogLine>();
        await foreach (var line in Runtime.GetLogsAsync(id, follow))
        {
            lines.Add(line);
        }

        return lines;
    }

    private static void AssertThousandLines(List<ContainerLogLine> lines)
    {
        var numbered = lines.Where(l => l.Stream == LogStream.StandardOutput && l.Text.StartsWith("line ", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"line {i}"), numbered);
    }
}
