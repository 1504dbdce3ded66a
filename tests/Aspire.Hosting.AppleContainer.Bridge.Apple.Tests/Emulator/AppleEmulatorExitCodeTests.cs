namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// Whose exit code is it? The attached observer and exec share their stderr with the container's own output, so the CLI's
/// failures (printed as <c>Error: …</c>, exit 1: Application.swift@1.2.2:137-139, ContainerStart.swift@1.2.2:105-113) are
/// told apart by what the runtime says about the container, never by the text alone.
/// </summary>
public sealed class AppleEmulatorExitCodeTests
{
    private static RunSpec Script(string name, string script) =>
        new() { Name = name, Image = EmulatorSandbox.BusyboxImage, Entrypoint = ["/bin/sh", "-c"], Args = [script] };

    [EmulatorFact(Timeout = 90_000)]
    public async Task A_container_whose_last_stderr_line_reads_like_a_CLI_error_keeps_its_exit_code()
    {
        await using var sandbox = new EmulatorSandbox();
        IContainerRuntime runtime = sandbox.Runtime();

        var id = (await runtime.RunContainerAsync(Script("looks-like-cli", "echo 'Error: container not found: web' >&2; exit 1"))).Id;
        var exit = await runtime.WaitForExitAsync(id).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exit.ExitCode);
        Assert.Equal(1, (await runtime.InspectContainerAsync(id)).ExitCode);
    }

    [EmulatorFact(Timeout = 90_000)]
    public async Task An_exec_whose_last_stderr_line_reads_like_a_CLI_error_returns_the_commands_exit_code()
    {
        await using var sandbox = new EmulatorSandbox();
        IContainerRuntime runtime = sandbox.Runtime();
        var id = (await runtime.RunContainerAsync(Script("exec-target", "sleep 300"))).Id;

        var result = await runtime.ExecAsync(id, new ExecSpec { Command = ["sh", "-c", $"echo 'Error: container {id} is not running' >&2; exit 1"] });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not running", result.StandardError, StringComparison.Ordinal);
    }

    [EmulatorFact(Timeout = 90_000)]
    public async Task An_exec_the_CLI_refuses_is_a_coded_error_not_an_exit_code()
    {
        await using var sandbox = new EmulatorSandbox();
        IContainerRuntime runtime = sandbox.Runtime();
        var id = await runtime.CreateContainerAsync(Script("never-started", "sleep 300"));

        var error = await Assert.ThrowsAsync<BridgeException>(() => runtime.ExecAsync(id, new ExecSpec { Command = ["true"] }));

        Assert.Equal(BridgeErrorCode.InvalidState, error.Code);
    }

    [EmulatorFact(Timeout = 150_000)]
    public async Task After_the_API_server_restarts_a_container_that_ran_shows_Exited_not_Created_and_its_exit_code_is_unknown()
    {
        // SystemStop.swift@1.2.2 stops every container; ContainersService.swift@1.2.2:136-141 loads them stopped, without startedDate.
        await using var sandbox = new EmulatorSandbox();
        IContainerRuntime runtime = sandbox.Runtime();
        var id = (await runtime.RunContainerAsync(Script("survivor", "sleep 300"))).Id;
        var exit = runtime.WaitForExitAsync(id);

        Assert.Equal(0, (await sandbox.CliAsync("system", "stop")).ExitCode);
        Assert.Equal(0, (await sandbox.CliAsync("system", "start")).ExitCode);
        var after = await runtime.InspectContainerAsync(id);

        Assert.Null(after.StartedAt);
        Assert.Equal(ContainerState.Exited, after.State);
        Assert.Null(after.ExitCode);

        // The wait ends either with the coded reason (the service was down when the observer ended) or, if it asked
        // after the restart, with an unknown code: never with the observer's code as if the container had exited by itself.
        try
        {
            Assert.Null((await exit.WaitAsync(TimeSpan.FromSeconds(60))).ExitCode);
        }
        catch (BridgeException ex)
        {
            Assert.Equal(BridgeErrorCode.RuntimeNotRunning, ex.Code);
        }
    }
}
