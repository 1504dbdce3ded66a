using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Exec: output, exit code, stdin, environment, working directory, user, cancellation.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class ExecContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>Exec returns the command's exit code and both streams.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Exec_returns_the_exit_code_and_both_streams()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]));

        var result = await Runtime.ExecAsync(id, new ExecSpec { Command = ["sh", "-c", "echo out; echo err >&2; exit 7"] });

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("out\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    /// <summary>Exec passes stdin, environment, working directory and user.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Exec_passes_stdin_environment_working_directory_and_user()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]));

        var result = await Runtime.ExecAsync(id, new ExecSpec
        {
            Command = ["sh", "-c", "cat; echo \"$GREETING\"; pwd; id -u"],
            StandardInput = "from stdin\n",
            Environment = new Dictionary<string, string> { ["GREETING"] = "a b=c" },
            WorkingDirectory = "/tmp",
            User = "1234",
        });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("from stdin\na b=c\n/tmp\n1234\n", result.StandardOutput);
    }

    /// <summary>Exec in a container that is not running fails with invalid_state.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Exec_in_a_stopped_container_fails_with_invalid_state()
    {
        await using var scope = BeginTest();
        var id = await scope.CreateAsync(scope.ServiceSpec());

        var error = await ThrowsBridgeAsync(() => Runtime.ExecAsync(id, new ExecSpec { Command = ["true"] }));

        Assert.Equal(BridgeErrorCode.InvalidState, error.Code);
    }

    /// <summary>
    /// Canceling an exec ends the exec'd process and its children inside the container (for runtimes that declare
    /// <see cref="RuntimeCapabilities.SupportsExecCancellation"/>); every runtime returns promptly with an OperationCanceledException carrying the token.
    /// </summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Exec_cancellation_ends_the_in_container_process()
    {
        await using var scope = BeginTest();
        var id = await scope.RunAsync(scope.ServiceSpec(args: ["sleep", "300"]) with { Init = true });
        using var cancellation = new CancellationTokenSource();
        var exec = Runtime.ExecAsync(
            id,
            new ExecSpec { Command = ["sh", "-c", "sleep 3001 & echo $! > /tmp/child.pid; echo $$ > /tmp/parent.pid; wait"] },
            cancellation.Token);
        var pids = await ReadPidsAsync(id);

        var watch = Stopwatch.StartNew();
        cancellation.Cancel();
        var error = await Record.ExceptionAsync(() => exec);
        watch.Stop();

        Assert.True(error is OperationCanceledException canceled && canceled.CancellationToken == cancellation.Token, $"unexpected outcome: {error}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"the canceled exec returned after {watch.Elapsed}");
        if (Runtime.Capabilities.SupportsExecCancellation)
        {
            foreach (var pid in pids)
            {
                var gone = await EventuallyAsync(async () => (await ExecShAsync(id, $"kill -0 {pid}")).ExitCode != 0, TimeSpan.FromSeconds(10));
                Assert.True(gone, $"process {pid} still runs in the container after the exec was canceled");
            }
        }
    }

    private async Task<IReadOnlyList<string>> ReadPidsAsync(string id)
    {
        ExecResult? result = null;
        var ready = await EventuallyAsync(
            async () => (result = await ExecShAsync(id, "cat /tmp/parent.pid /tmp/child.pid")).ExitCode == 0
                && result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length == 2,
            TimeSpan.FromSeconds(20));
        Assert.True(ready, "the exec'd process never wrote its pids");
        return result!.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private Task<ExecResult> ExecShAsync(string id, string script) =>
        Runtime.ExecAsync(id, new ExecSpec { Command = ["sh", "-c", script] });
}
