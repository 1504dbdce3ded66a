using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.EmulatorSelfTests;

/// <summary>
/// The emulator's runtime helper and attached CLI against RuntimeService.swift@1.2.2 (MultiWriter order, log truncation),
/// LinuxProcess.swift@0.40.1 (a failed write drops the chunk), ProcessIO.swift@1.2.2 (relay, exit status, signals) and
/// SystemStop.swift/ContainersService.swift@1.2.2 (stop everything; reload stopped without startedDate).
/// </summary>
public sealed class EmulatorRuntimeHelperTests
{
    private const string Ticker = "i=0; while true; do i=$((i+1)); echo tick $i; sleep 0.1; done";

    [EmulatorFact(Timeout = 90_000)]
    public async Task An_attached_start_relays_stdout_and_stderr_apart_and_exits_with_the_init_process_status()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("create", "--name", "job", "--env", "EXIT_CODE=3", EmulatorSandbox.ServiceImage);

        var result = await sandbox.CliAsync("start", "--attach", "job");
        var logs = await sandbox.CliAsync("logs", "job");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("ACTR-SERVICE-STARTED\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("ACTR-SERVICE-STDERR\n", result.StandardError);
        Assert.Contains("ACTR-SERVICE-STARTED\n", logs.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ACTR-SERVICE-STDERR", logs.StandardOutput, StringComparison.Ordinal);
    }

    [EmulatorFact(Timeout = 90_000)]
    public async Task A_killed_container_ends_its_attached_CLI_with_128_plus_the_signal()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("create", "--name", "victim", "--env", "IGNORE_SIGTERM=1", EmulatorSandbox.ServiceImage, "sleep", "300");
        using var attached = Start(sandbox, "start", "--attach", "victim");
        await ReadUntilAsync(attached.StandardOutput, "ACTR-SERVICE-STARTED");

        var kill = await sandbox.CliAsync("kill", "victim");
        await attached.WaitForExitAsync();

        Assert.Equal((0, "victim\n"), (kill.ExitCode, kill.StandardOutput));
        Assert.Equal(137, attached.ExitCode);
    }

    /// <summary>
    /// The attached CLI does not ignore SIGPIPE, so it dies when its reader goes; from then on every chunk fails on the
    /// dead pipe before it reaches the log (RuntimeService.swift@1.2.2:243–256, 1515–1519; LinuxProcess.swift@0.40.1:175–178):
    /// the container keeps running and printing, and the container log stops growing.
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task When_the_attached_reader_dies_the_CLI_dies_of_SIGPIPE_and_the_log_stops_growing_while_the_container_runs()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("create", "--name", "ticker", EmulatorSandbox.ServiceImage, "sh", "-c", Ticker);
        using var attached = Start(sandbox, "start", "--attach", "ticker");
        await ReadUntilAsync(attached.StandardOutput, "tick 3");

        attached.StandardOutput.Close();
        await attached.WaitForExitAsync();
        var logged = await LogLineCountAsync(sandbox, "ticker");
        var podmanTicks = await PodmanTicksAsync(sandbox);
        var kept = await EventuallyAsync(async () => await PodmanTicksAsync(sandbox) >= podmanTicks + 10, TimeSpan.FromSeconds(30));

        Assert.Equal(128 + 13, attached.ExitCode);
        Assert.True(kept, "the container stopped printing after the attached CLI died");
        Assert.Equal(logged, await LogLineCountAsync(sandbox, "ticker"));
        Assert.Equal("running", await StateAsync(sandbox, "ticker"));
    }

    /// <summary>
    /// SIGTERM to an attached CLI is caught and handed to <c>process.kill</c>, which 1.2.2's API server refuses ("missing
    /// signal in xpc message": ClientProcess.swift@1.2.2:80–86 sends an int64, ContainersService.swift@1.2.2:1161–1166
    /// reads a string): the CLI logs the failure and keeps running, and so does the container.
    /// </summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task SIGTERM_to_an_attached_CLI_is_logged_as_not_sent_and_neither_the_CLI_nor_the_container_stops()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("create", "--name", "holder", EmulatorSandbox.ServiceImage, "sleep", "300");
        using var attached = Start(sandbox, "start", "--attach", "holder");
        await ReadUntilAsync(attached.StandardOutput, "ACTR-SERVICE-STARTED");
        await ReadUntilAsync(attached.StandardError, "ACTR-SERVICE-STDERR");

        _ = SendSigterm(attached.Id);
        var logged = await ReadUntilAsync(attached.StandardError, "failed to send signal");

        Assert.Equal("failed to send signal: [\"signal\": 15, \"error\": invalidArgument: \"missing signal in xpc message\"]", logged);
        Assert.False(attached.HasExited);
        Assert.Equal("running", await StateAsync(sandbox, "holder"));
        await sandbox.CliAsync("stop", "--time", "1", "holder");
        await attached.WaitForExitAsync();
    }

    /// <summary>
    /// system stop stops every container (SystemStop.swift@1.2.2:64–94) and leaves no helper; after system start the
    /// containers load as stopped with no startedDate and no networks (ContainersService.swift@1.2.2:135–141).
    /// </summary>
    [EmulatorFact(Timeout = 120_000)]
    public async Task System_stop_stops_every_container_and_system_start_reloads_them_stopped_without_startedDate()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("run", "--detach", "--name", "one", EmulatorSandbox.ServiceImage, "sleep", "300");
        await sandbox.CliAsync("run", "--detach", "--name", "two", EmulatorSandbox.ServiceImage, "sleep", "300");
        using var attached = Start(sandbox, "logs", "--follow", "one");

        var stop = await sandbox.CliAsync("system", "stop");
        var helpersAfterStop = sandbox.State.HelperProcesses();
        var podmanRunning = await PodmanAsync("ps", "-q", "--filter", $"label={EmulatorStateDirectory.InstanceLabel}={sandbox.State.Instance}");
        await sandbox.CliAsync("system", "start");
        using var listed = JsonDocument.Parse((await sandbox.CliAsync("list", "--all", "--format", "json")).StandardOutput);
        attached.Kill();

        Assert.Equal(0, stop.ExitCode);
        Assert.Contains("one\n", stop.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("two\n", stop.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(helpersAfterStop);
        Assert.Equal(string.Empty, podmanRunning.Trim());
        Assert.All(listed.RootElement.EnumerateArray(), c =>
        {
            Assert.Equal("stopped", c.GetProperty("status").GetProperty("state").GetString());
            Assert.False(c.GetProperty("status").TryGetProperty("startedDate", out _));
            Assert.Empty(c.GetProperty("status").GetProperty("networks").EnumerateArray());
        });
    }

    /// <summary><c>logs --follow</c> prints what comes and never ends by itself (ContainerLogs.swift@1.2.2:106–139).</summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Logs_follow_prints_new_output_and_never_ends_by_itself_even_after_the_container_stopped()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("run", "--detach", "--name", "ticker", EmulatorSandbox.ServiceImage, "sh", "-c", Ticker);
        using var follow = Start(sandbox, "logs", "--follow", "ticker");
        await ReadUntilAsync(follow.StandardOutput, "tick 5");

        await sandbox.CliAsync("stop", "--time", "1", "ticker");
        await sandbox.CliAsync("start", "ticker");

        // The follow outlived the stop if it prints what the container wrote after it: the restarted ticker counts anew.
        var (before, tick) = (5, 5);
        while ((tick = int.Parse(ReadTick(await ReadUntilAsync(follow.StandardOutput, "tick ")), CultureInfo.InvariantCulture)) > before)
        {
            before = tick;
        }

        Assert.False(follow.HasExited);
        follow.Kill();
        Assert.InRange(tick, 1, before);
    }

    /// <summary>delete --force leaves no helper, no attached CLI and no podman container (ContainersService.swift@1.2.2:814–864).</summary>
    [EmulatorFact(Timeout = 90_000)]
    public async Task Delete_force_of_a_running_container_leaves_no_helper_no_attached_CLI_and_no_podman_container()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("create", "--name", "doomed", EmulatorSandbox.ServiceImage, "sleep", "300");
        using var attached = Start(sandbox, "start", "--attach", "doomed");
        await ReadUntilAsync(attached.StandardOutput, "ACTR-SERVICE-STARTED");

        var delete = await sandbox.CliAsync("delete", "--force", "doomed");
        await attached.WaitForExitAsync();

        Assert.Equal((0, "doomed\n"), (delete.ExitCode, delete.StandardOutput));
        Assert.Equal(137, attached.ExitCode);
        Assert.Empty(sandbox.State.HelperProcesses());
        Assert.Empty(await sandbox.State.PodmanContainersAsync());
    }

    private static Process Start(EmulatorSandbox sandbox, params string[] arguments)
    {
        var start = new ProcessStartInfo(sandbox.CliPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in sandbox.Environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.StandardInput.Close();
        return process;
    }

    private static string ReadTick(string line) => line[(line.IndexOf("tick ", StringComparison.Ordinal) + "tick ".Length)..].Trim();

    /// <summary>Reads lines until one contains <paramref name="text"/> and returns it.</summary>
    private static async Task<string> ReadUntilAsync(StreamReader reader, string text)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return line;
            }
        }

        throw new InvalidOperationException($"'{text}' never came");
    }

    private static int SendSigterm(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture) }, UseShellExecute = false })!;
        kill.WaitForExit();
        return kill.ExitCode;
    }

    private static async Task<int> LogLineCountAsync(EmulatorSandbox sandbox, string id) =>
        (await sandbox.CliAsync("logs", id)).StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;

    private static async Task<int> PodmanTicksAsync(EmulatorSandbox sandbox) =>
        (await PodmanAsync("logs", $"actr-apple-{sandbox.State.Instance}-ticker")).Split('\n').Count(l => l.StartsWith("tick ", StringComparison.Ordinal));

    private static async Task<string?> StateAsync(EmulatorSandbox sandbox, string id)
    {
        using var inspect = JsonDocument.Parse((await sandbox.CliAsync("inspect", id)).StandardOutput);
        return inspect.RootElement[0].GetProperty("status").GetProperty("state").GetString();
    }

    private static async Task<string> PodmanAsync(params string[] arguments) =>
        (await Cli.ProcessRunner.Default.RunAsync(new Cli.ProcessRequest { FileName = "podman", Arguments = arguments, Timeout = TimeSpan.FromMinutes(1) })).StandardOutput;

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }
}
