using System.Diagnostics;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Tests.Support;

namespace Aspire.Hosting.AppleContainer.Tests.Runtime;

/// <summary>A real AppHost process that dies or is interrupted: session containers go, persistent ones stay untouched.</summary>
public abstract class CrashCleanupTests<TRuntime>(TRuntime runtime) : IClassFixture<TRuntime>
    where TRuntime : TestRuntime, new()
{
    private const string Session = "session";
    private const string Persistent = "persistent";

    [RuntimeFact(Timeout = 180_000)]
    public async Task A_real_AppHost_killed_with_SIGKILL_leaves_no_session_container_after_15_seconds()
    {
        var prefix = RuntimeTestApp.NewPrefix();
        try
        {
            await using var appHost = TestAppHostProcess.Start(runtime, prefix, newProcessGroup: false);
            await appHost.WaitForRunningAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(2, (await ListAsync(prefix)).Count);

            appHost.Kill(); // SIGKILL: no shutdown code runs in the AppHost
            var deadline = Stopwatch.StartNew();
            while ((await ListAsync(prefix)).Any(c => IsResource(c, prefix, Session)) && deadline.Elapsed < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(250);
            }

            var left = await ListAsync(prefix);
            Assert.DoesNotContain(left, c => IsResource(c, prefix, Session));
            Assert.Equal(ContainerState.Running, Assert.Single(left, c => IsResource(c, prefix, Persistent)).State);

            // Nothing the dead AppHost ran goes on: its watchdog ended the CLIs still following its containers.
            while (CliProcessesNaming(prefix).Count > 0 && deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(250);
            }

            Assert.Empty(CliProcessesNaming(prefix));
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
        }
    }

    [RuntimeFact(Timeout = 180_000)]
    public async Task Ctrl_C_in_the_AppHosts_terminal_stops_and_removes_session_containers_in_order_and_never_interrupts_a_persistent_one()
    {
        // A terminal sends SIGINT to its whole foreground process group: the AppHost leads one here, as under a shell.
        var prefix = RuntimeTestApp.NewPrefix();
        try
        {
            // Apple's CLI 1.x catches the signal and asks the service to forward it, in a request the service cannot read
            // (ClientProcess.swift@1.2.2:79-85 sends an integer, ContainersService.swift@1.2.2:1162 reads a string); the
            // emulator is told to forward it, as a CLI with that fixed would, so the test shows what a reached CLI does.
            await using var appHost = TestAppHostProcess.Start(runtime, prefix, newProcessGroup: true, environment: new Dictionary<string, string> { ["ACTR_APPLE_EMULATOR_FORWARD_SIGNALS"] = "1" });
            await appHost.WaitForRunningAsync(TimeSpan.FromSeconds(90));
            var persistent = Assert.Single(await ListAsync(prefix), c => IsResource(c, prefix, Persistent));

            appHost.InterruptProcessGroup();
            Assert.True(await appHost.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The AppHost did not exit within 60 s of Ctrl+C.");

            var left = await ListAsync(prefix);
            var bridge = await runtime.BridgeAsync();
            var log = new List<string>();
            await foreach (var line in bridge.GetLogsAsync(persistent.Id, follow: false))
            {
                log.Add(line.Text);
            }

            Assert.DoesNotContain(left, c => IsResource(c, prefix, Session));
            Assert.Equal(ContainerState.Running, (await bridge.InspectContainerAsync(persistent.Id)).State);
            Assert.DoesNotContain("ACTR-SERVICE-SIGINT", log);
        }
        finally
        {
            await RuntimeTestApp.RemoveLabelledAsync(runtime, prefix);
        }
    }

    /// <summary>Processes whose argv names a container of the test, other than the emulator's own runtime helpers (the runtime's side).</summary>
    private static List<string> CliProcessesNaming(string prefix) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(directory => ReadArgv(Path.Combine(directory, "cmdline")))
            .Where(argv => argv.Any(a => a.StartsWith(prefix, StringComparison.Ordinal)) && !argv.Contains("__runtime-helper") && !(argv.Length > 0 && argv[0].EndsWith("conmon", StringComparison.Ordinal)) && !argv.Contains("rm") && !argv.Contains("delete"))
            .Select(argv => string.Join(' ', argv))];

    private static string[] ReadArgv(string path)
    {
        try
        {
            return File.ReadAllText(path).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsResource(ContainerInfo container, string prefix, string suffix) =>
        container.Labels.GetValueOrDefault("io.aspire.applecontainer.resource") == $"{prefix}-{suffix}";

    private Task<IReadOnlyList<ContainerInfo>> ListAsync(string prefix) => RuntimeTestApp.ListLabelledAsync(runtime, prefix);
}
