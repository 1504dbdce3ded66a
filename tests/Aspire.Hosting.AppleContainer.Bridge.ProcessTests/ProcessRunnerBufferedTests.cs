using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class ProcessRunnerBufferedTests
{
    private readonly ProcessRunner _runner = new();

    [Fact(Timeout = 30_000)]
    public async Task A_buffered_run_returns_stdout_stderr_and_the_exit_code()
    {
        var result = await _runner.RunAsync(Fake.Request("out", "2", "err", "3", "exit", "7"));

        Assert.Equal(7, result.ExitCode);
        Assert.Equal("out 1\nout 2\n", result.StandardOutput);
        Assert.Equal("err 1\nerr 2\nerr 3\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_last_line_without_a_newline_is_delivered()
    {
        var result = await _runner.RunAsync(Fake.Request("say", "first", "partial", "no newline at the end"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("first\nno newline at the end\n", result.StandardOutput);
    }

    [Fact(Timeout = 60_000)]
    public async Task One_hundred_thousand_lines_arrive_complete_and_in_order()
    {
        var result = await _runner.RunAsync(Fake.Request("out", "100000", "err", "3"));

        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100_000, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal($"out {i + 1}", lines[i]);
        }

        Assert.Equal("err 1\nerr 2\nerr 3\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task Arguments_reach_the_child_verbatim()
    {
        string[] tricky =
        [
            "with spaces", "\"double\" and 'single' quotes", "", "ünïcödé ✓ 日本", "$HOME", "a;b", "*", "back\\slash",
            "--flag=value", "  leading and trailing  ", "`uname`", "$(id)", "|", "&&", ">out", "\t",
        ];

        var result = await _runner.RunAsync(Fake.Request(["argv", .. tricky]));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(tricky, result.StandardOutput.Split('\n')[..^1]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Environment_overrides_and_removals_apply_to_the_child()
    {
        const string Kept = "ACTR_PROCESSTESTS_KEPT";
        const string Removed = "ACTR_PROCESSTESTS_REMOVED";
        Environment.SetEnvironmentVariable(Kept, "inherited");
        Environment.SetEnvironmentVariable(Removed, "inherited");
        var request = Fake.Request("env", Kept, "env", Removed, "env", "ACTR_PROCESSTESTS_ADDED", "env", "HOME") with
        {
            Environment = new Dictionary<string, string?>
            {
                [Kept] = "overridden = with spaces",
                [Removed] = null,
                ["ACTR_PROCESSTESTS_ADDED"] = "added",
            },
        };

        var result = await _runner.RunAsync(request);

        string[] expected =
        [
            $"{Kept}=overridden = with spaces",
            Removed + FakeCli.FakeCliProtocol.UnsetSuffix,
            "ACTR_PROCESSTESTS_ADDED=added",
            $"HOME={Environment.GetEnvironmentVariable("HOME")}",
        ];
        Assert.Equal(expected, result.StandardOutput.Split('\n')[..^1]);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_working_directory_applies_to_the_child()
    {
        using var directory = new TempDirectory();
        var result = await _runner.RunAsync(Fake.Request("pids", "relative.pid") with { WorkingDirectory = directory.Path });

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(directory.File("relative.pid")));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_executable_is_runtime_not_found()
    {
        var request = new ProcessRequest { FileName = "/nonexistent/actr-no-such-cli", Arguments = ["ps", "--all"] };

        var error = await Assert.ThrowsAsync<BridgeException>(() => _runner.RunAsync(request));

        Assert.Equal(BridgeErrorCode.RuntimeNotFound, error.Code);
        Assert.Equal(["/nonexistent/actr-no-such-cli", "ps", "--all"], error.Arguments);
    }
}
