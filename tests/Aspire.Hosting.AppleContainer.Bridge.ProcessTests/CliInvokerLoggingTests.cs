using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class CliInvokerLoggingTests
{
    [Fact(Timeout = 30_000)]
    public async Task Every_call_is_one_Debug_entry_with_its_argv_exit_code_and_duration()
    {
        var logger = new CapturingLogger();
        var invoker = new CliInvoker("fake", Fake.FileName, new ErrorClassifier("fake", [])) { Logger = logger };

        await invoker.RunAsync(Fake.Arguments("say", "hello"), "say hello", CancellationToken.None);
        await invoker.RunUncheckedAsync(Fake.Arguments("exit", "3"), CancellationToken.None);

        Assert.Collection(
            logger.Entries,
            first => AssertCall(first, "say hello", 0),
            second => AssertCall(second, "exit 3", 3));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_secret_value_never_reaches_the_log_and_environment_values_on_an_argv_are_redacted()
    {
        using var directory = new TempDirectory();
        var cli = Path.Combine(directory.Path, "podman");
        await File.WriteAllTextAsync(cli, "#!/bin/sh\necho 0123456789abcdef\n");
        File.SetUnixFileMode(cli, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var logger = new CapturingLogger();
        var runtime = new OciContainerRuntime("podman", cli) { Logger = logger };
        var spec = new RunSpec
        {
            Name = "web",
            Image = "localhost/actr-test/service:latest",
            Environment = new Dictionary<string, string> { ["MODE"] = "plain-value-4c1d" },
            SecretEnvironment = new Dictionary<string, string> { ["TOKEN"] = "s3cret-value-9f2e" },
        };

        await runtime.CreateContainerAsync(spec);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Contains("create", entry.Message, StringComparison.Ordinal);
        Assert.Contains("MODE=" + CliArgvRedaction.Redacted, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value-9f2e", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("plain-value-4c1d", entry.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_secret_argument_is_redacted_wherever_it_appears_in_the_logged_create_argv()
    {
        using var directory = new TempDirectory();
        var logger = new CapturingLogger();
        var runtime = new OciContainerRuntime("podman", await FakePodmanAsync(directory, "echo 0123456789abcdef\n")) { Logger = logger };

        await runtime.CreateContainerAsync(SecretArgSpec);

        var entry = Assert.Single(logger.Entries);
        Assert.Contains("--pass *** *** --verbose", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretArg, entry.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_failing_create_names_no_secret_argument_in_its_error_though_the_cli_echoes_it()
    {
        using var directory = new TempDirectory();
        var logger = new CapturingLogger();
        var cli = await FakePodmanAsync(directory, $"echo \"Error: crun: executable file \\`{SecretArg}\\` not found\" >&2\nexit 125\n");
        var runtime = new OciContainerRuntime("podman", cli) { Logger = logger };

        var error = await Assert.ThrowsAsync<BridgeException>(() => runtime.CreateContainerAsync(SecretArgSpec));

        Assert.Contains("not found", error.Message, StringComparison.Ordinal); // the CLI's message is kept, the value is not
        Assert.Contains(CliArgvRedaction.Redacted, error.StandardError, StringComparison.Ordinal);
        Assert.Contains("--pass", error.Arguments);
        foreach (var text in new[] { error.Message, error.ToString(), error.StandardError ?? string.Empty, string.Join(' ', error.Arguments), Assert.Single(logger.Entries).Message })
        {
            Assert.DoesNotContain(SecretArg, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_logged_argv_redacts_every_occurrence_of_a_secret_value_longest_first()
    {
        var shown = CliArgvRedaction.Format(["podman", "create", "img", "--pass", "ab", "x=abc", "abc"], ["ab", "abc"]);

        Assert.Equal("podman create img --pass *** x=*** ***", shown);
    }

    [Fact]
    public void The_logged_argv_redacts_env_and_build_arg_values_in_both_spellings()
    {
        var shown = CliArgvRedaction.Format(["podman", "run", "--env", "A=1", "-e=B=2", "--build-arg", "C=3", "--label", "k=v", "two words"]);

        Assert.Equal("podman run --env A=*** -e=B=*** --build-arg C=*** --label k=v \"two words\"", shown);
    }

    private const string SecretArg = "s3cret-arg-7a1b";

    private static readonly RunSpec SecretArgSpec = new()
    {
        Name = "web",
        Image = "localhost/actr-test/service:latest",
        Args = ["--pass", SecretArg, "dsn=app:" + SecretArg, "--verbose"],
        SecretArgs = [1, 2],
    };

    private static async Task<string> FakePodmanAsync(TempDirectory directory, string body)
    {
        var cli = Path.Combine(directory.Path, "podman");
        await File.WriteAllTextAsync(cli, "#!/bin/sh\n" + body);
        File.SetUnixFileMode(cli, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return cli;
    }

    private static void AssertCall(CapturingLogger.Entry entry, string arguments, int exitCode)
    {
        Assert.Equal(LogLevel.Debug, entry.Level);
        Assert.Equal("fake", entry.State["Runtime"]);
        Assert.Contains(arguments, (string)entry.State["Argv"]!, StringComparison.Ordinal);
        Assert.Equal(exitCode, entry.State["ExitCode"]);
        Assert.IsType<long>(entry.State["DurationMs"]);
    }
}
