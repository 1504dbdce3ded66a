using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests;

public sealed class CliInvokerTests
{
    private static readonly ErrorClassifier Classifier = new("fake",
    [
        new ClassifierRule("no such container", BridgeErrorCode.ContainerNotFound),
        new ClassifierRule("cannot connect to the service", BridgeErrorCode.RuntimeNotRunning, "Start the fake service."),
    ]);

    private readonly CliInvoker _invoker = new("fake", Fake.FileName, Classifier);

    [Fact(Timeout = 30_000)]
    public async Task A_zero_exit_returns_the_result()
    {
        var result = await _invoker.RunAsync(Fake.Arguments("say", "[]", "say-err", "warning: noisy"), "list containers", CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[]\n", result.StandardOutput);
        Assert.Equal("warning: noisy\n", result.StandardError);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_non_zero_exit_becomes_an_error_classified_by_the_table()
    {
        var arguments = Fake.Arguments("say-err", "Error: no such container: web-1", "exit", "125");

        var error = await Assert.ThrowsAsync<BridgeException>(() => _invoker.RunAsync(arguments, "inspect the container", CancellationToken.None));

        Assert.Equal(BridgeErrorCode.ContainerNotFound, error.Code);
        Assert.Equal("fake", error.Runtime);
        Assert.Equal([Fake.FileName, .. arguments], error.Arguments);
        Assert.Equal(125, error.ExitCode);
        Assert.Equal("Error: no such container: web-1", error.StandardError);
        Assert.Contains("could not inspect the container (exit code 125): Error: no such container: web-1", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_matching_rule_brings_its_hint()
    {
        var error = await Assert.ThrowsAsync<BridgeException>(() =>
            _invoker.RunAsync(Fake.Arguments("say-err", "Error: cannot connect to the service", "exit", "1"), "list containers", CancellationToken.None));

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
        Assert.Equal("Start the fake service.", error.Hint);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unrecognised_failure_is_cli_failed_with_a_bounded_stderr_tail()
    {
        var error = await Assert.ThrowsAsync<BridgeException>(() =>
            _invoker.RunAsync(Fake.Arguments("err", "5000", "say-err", "the last word", "exit", "2"), "pull the image", CancellationToken.None));

        Assert.Equal(BridgeErrorCode.CliFailed, error.Code);
        Assert.Equal(2, error.ExitCode);
        Assert.InRange(error.StandardError!.Length, 1, 2048);
        Assert.EndsWith("err 5000\nthe last word", error.StandardError);
        Assert.EndsWith("(exit code 2): the last word", error.Message);
    }

    [Fact(Timeout = 30_000)]
    public async Task An_unchecked_run_returns_a_non_zero_exit_as_a_result()
    {
        var result = await _invoker.RunUncheckedAsync(Fake.Arguments("exit", "3"), CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
    }

    [Fact(Timeout = 30_000)]
    public async Task The_invoker_environment_reaches_every_call()
    {
        var invoker = new CliInvoker("fake", Fake.FileName, Classifier) { Environment = new Dictionary<string, string?> { ["ACTR_FAKE_CONFIG"] = "/tmp/config" } };

        var result = await invoker.RunAsync(Fake.Arguments("env", "ACTR_FAKE_CONFIG"), "read the config", CancellationToken.None);

        Assert.Equal("ACTR_FAKE_CONFIG=/tmp/config\n", result.StandardOutput);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_missing_cli_is_runtime_not_found_naming_the_runtime()
    {
        var invoker = new CliInvoker("fake", "/nonexistent/actr-fake-cli", Classifier);

        var error = await Assert.ThrowsAsync<BridgeException>(() => invoker.RunAsync(["version"], "read the version", CancellationToken.None));

        Assert.Equal(BridgeErrorCode.RuntimeNotFound, error.Code);
        Assert.Equal("fake", error.Runtime);
        Assert.Equal(["/nonexistent/actr-fake-cli", "version"], error.Arguments);
        Assert.NotNull(error.Hint);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_timeout_is_reported_with_the_runtime()
    {
        var error = await Assert.ThrowsAsync<BridgeException>(() =>
            _invoker.RunAsync(Fake.Arguments("sleep", "60000"), "start the container", CancellationToken.None, timeout: TimeSpan.FromMilliseconds(500)));

        Assert.Equal(BridgeErrorCode.Timeout, error.Code);
        Assert.Equal("fake", error.Runtime);
    }
}
