using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>Apple-specific behaviour of the dialect on the emulator: observers, exit codes, diagnostics, and no leftover processes.</summary>
public sealed class AppleEmulatorRuntimeTests
{
    private static RunSpec Service(string name, IReadOnlyList<string>? args = null, IReadOnlyDictionary<string, string>? environment = null) =>
        new() { Name = name, Image = EmulatorSandbox.ServiceImage, Args = args ?? [], Environment = environment ?? new Dictionary<string, string>() };

    [EmulatorFact(Timeout = 90_000)]
    public async Task Losing_the_observer_never_loses_the_container_and_its_exit_code_becomes_unknown()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime();
        var id = await runtime.CreateContainerAsync(Service("lost", ["sleep", "300"]));
        await runtime.StartContainerAsync(id);
        using var observer = Process.GetProcessById(AttachedObserverOf(sandbox, id));

        observer.Kill();
        await observer.WaitForExitAsync();
        var afterLoss = await runtime.InspectContainerAsync(id);
        await runtime.StopContainerAsync(id, TimeSpan.FromSeconds(5));
        var exit = await runtime.WaitForExitAsync(id);

        Assert.Equal(ContainerState.Running, afterLoss.State);
        Assert.Null(exit.ExitCode);
        Assert.Null((await runtime.InspectContainerAsync(id)).ExitCode);
    }

    [EmulatorFact(Timeout = 90_000)]
    public async Task Without_observers_exit_codes_are_unknown_never_zero()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime(new AppleContainerRuntimeOptions { ObserveExitCodes = false, ExitPollInterval = TimeSpan.FromMilliseconds(300) });
        var id = await runtime.CreateContainerAsync(Service("detached", environment: new Dictionary<string, string> { ["EXIT_CODE"] = "0" }));

        await runtime.StartContainerAsync(id);
        var exit = await runtime.WaitForExitAsync(id);

        Assert.Null(exit.ExitCode);
        Assert.Equal(ContainerState.Exited, (await runtime.InspectContainerAsync(id)).State);
    }

    [EmulatorFact(Timeout = 120_000)]
    public async Task Removing_containers_leaves_no_process_and_no_podman_container_behind_not_even_after_a_canceled_exec()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime();
        var sleeper = await runtime.CreateContainerAsync(Service("sleeper", ["sleep", "300"]));
        var server = await runtime.CreateContainerAsync(Service("server") with { Ports = [new PortMapping(8080, FreePort())] });
        await runtime.StartContainerAsync(sleeper);
        await runtime.StartContainerAsync(server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runtime.ExecAsync(sleeper, new ExecSpec { Command = ["sh", "-c", "sleep 3001 & wait"] }, cancellation.Token));
        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.Equal(2, sandbox.State.HelperProcesses().Count);

        await runtime.RemoveContainerAsync(sleeper, force: true);
        await runtime.RemoveContainerAsync(server, force: true);

        Assert.Empty(sandbox.State.HelperProcesses());
        Assert.Empty(await sandbox.State.PodmanContainersAsync());
        Assert.True(await Eventually(() => sandbox.State.EmulatorProcesses().Count == 0, TimeSpan.FromSeconds(15)), "an emulator process outlived the containers");
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task A_stopped_service_is_runtime_not_running_with_the_system_start_remedy()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("system", "stop");
        var runtime = sandbox.Runtime();

        var info = await runtime.DetectAsync();
        var error = await Assert.ThrowsAsync<BridgeException>(() => runtime.ListContainersAsync());

        Assert.True(info.IsInstalled);
        Assert.False(info.IsRunning);
        Assert.Equal(new Version(1, 2, 2), info.Version);
        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, info.Problem?.Code);
        Assert.Equal("run `container system start`", info.Problem?.Hint);
        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
        Assert.Equal("run `container system start`", error.Hint);
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task Detection_reports_a_missing_CLI_an_unsupported_host_and_a_foreign_CLI()
    {
        await using var sandbox = new EmulatorSandbox();
        var intelMac = AppleEmulatorFixture.SimulatedMac with { Architecture = System.Runtime.InteropServices.Architecture.X64 };
        var missing = await sandbox.Runtime(cliPath: "/nonexistent/container").DetectAsync();
        var intelWithout = await new AppleContainerRuntime("/nonexistent/container", new AppleContainerRuntimeOptions { Host = intelMac }).DetectAsync();
        var intelForeign = await new AppleContainerRuntime("/bin/true", new AppleContainerRuntimeOptions { Host = intelMac }).DetectAsync();
        var foreign = await sandbox.Runtime(cliPath: "/bin/true").DetectAsync();

        Assert.Equal(BridgeErrorCode.RuntimeNotFound, missing.Problem?.Code);
        Assert.False(missing.IsInstalled);
        Assert.All([intelWithout, intelForeign], intel =>
        {
            Assert.Equal(BridgeErrorCode.UnsupportedRuntime, intel.Problem?.Code);
            Assert.Contains("Apple silicon", intel.Problem!.Message, StringComparison.Ordinal);
        });
        Assert.Equal(BridgeErrorCode.UnsupportedRuntime, foreign.Problem?.Code);
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task A_CLI_that_answers_as_Apples_is_used_on_any_host_so_an_emulator_can_stand_in_for_it()
    {
        await using var sandbox = new EmulatorSandbox();
        var linux = new AppleHostPlatform(false, new Version(6, 1), System.Runtime.InteropServices.Architecture.X64);

        var info = await new AppleContainerRuntime(sandbox.CliPath, new AppleContainerRuntimeOptions { Host = linux, Environment = sandbox.Environment }).DetectAsync();

        Assert.Null(info.Problem);
        Assert.True(info.IsRunning);
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task A_builder_that_cannot_start_is_builder_unavailable_with_the_builder_start_remedy()
    {
        await using var sandbox = new EmulatorSandbox();
        await File.WriteAllTextAsync(Path.Combine(sandbox.State.Path, "builder-image-absent"), string.Empty);
        var context = Directory.CreateTempSubdirectory("actr-apple-emulator-build").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(context, "Dockerfile"), $"FROM {EmulatorSandbox.BusyboxImage}\n");
            var error = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().BuildImageAsync(new BuildSpec { ContextDirectory = context, Tags = ["localhost/actr-apple-emulator:never"] }));

            Assert.Equal(BridgeErrorCode.BuilderUnavailable, error.Code);
            Assert.Equal("run `container builder start`", error.Hint);
        }
        finally
        {
            Directory.Delete(context, recursive: true);
        }
    }

    [EmulatorFact(Timeout = 90_000)]
    public async Task A_writable_volume_is_refused_to_a_second_running_container()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime();
        await runtime.CreateVolumeAsync(new VolumeSpec("shared"));
        var mount = new MountSpec(MountKind.Volume, "shared", "/data");
        var first = await runtime.CreateContainerAsync(Service("first", ["sleep", "300"]) with { Mounts = [mount] });
        await runtime.StartContainerAsync(first);

        var error = await Assert.ThrowsAsync<BridgeException>(() => runtime.CreateContainerAsync(Service("second", ["sleep", "300"]) with { Mounts = [mount with { ReadOnly = true }] }));

        Assert.Equal(BridgeErrorCode.VolumeInUse, error.Code);
        Assert.Contains("first", error.Message, StringComparison.Ordinal);
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task A_docker_runtime_argument_passed_verbatim_on_OCI_runtimes_is_refused_naming_the_flag_and_nothing_is_created()
    {
        await using var sandbox = new EmulatorSandbox();
        var runtime = sandbox.Runtime();

        var error = await Assert.ThrowsAsync<BridgeException>(() => runtime.CreateContainerAsync(Service("verbatim") with { RuntimeArgs = ["--hostname", "engd-host"] }));

        Assert.Equal((BridgeErrorCode.UnsupportedOption, "--hostname"), (error.Code, error.Option));
        Assert.Empty(await runtime.ListContainersAsync(new Dictionary<string, string>()));
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task Published_ports_through_a_Homebrew_CLI_and_privileged_loopback_ports_are_refused_with_remedies()
    {
        await using var sandbox = new EmulatorSandbox();
        var cellar = Path.Combine(sandbox.State.Path, "Cellar", "container", "1.2.2", "bin");
        Directory.CreateDirectory(cellar);
        var brewed = Path.Combine(cellar, "container");
        File.CreateSymbolicLink(brewed, sandbox.CliPath);
        var spec = Service("web") with { Ports = [new PortMapping(8080, 18080)] };

        var homebrew = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime(cliPath: brewed).CreateContainerAsync(spec));
        var privileged = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().CreateContainerAsync(spec with { Ports = [new PortMapping(80, 80)] }));
        var allowed = await sandbox.Runtime(new AppleContainerRuntimeOptions { AllowHomebrewPublishedPorts = true }, brewed).CreateContainerAsync(spec);

        Assert.Equal(BridgeErrorCode.UnsupportedOption, homebrew.Code);
        Assert.Contains("signed installer", homebrew.Hint, StringComparison.Ordinal);
        Assert.Equal(BridgeErrorCode.UnsupportedOption, privileged.Code);
        Assert.Equal("web", allowed);
    }

    /// <summary>The pid of the <c>start --attach &lt;id&gt;</c> observer running against this sandbox's state.</summary>
    private static int AttachedObserverOf(EmulatorSandbox sandbox, string id) =>
        sandbox.State.EmulatorProcesses().Single(pid => Read($"/proc/{pid}/cmdline").Contains($"start\0--attach\0{id}\0", StringComparison.Ordinal));

    private static async Task<bool> Eventually(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100);
        }

        return true;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
