namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.Emulator;

/// <summary>
/// How the Apple dialect asks about several images (through the emulator, whose <c>image inspect</c> follows
/// ImageInspect.swift@1.2.2): one process when all exist, and a stopped service is runtime_not_running. The runtime runs
/// the emulator through a wrapper script that records each invocation.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AppleEmulatorImageQueryProcessTests
{
    [EmulatorFact(Timeout = 60_000)]
    public async Task Images_that_all_exist_are_answered_by_one_container_process_and_a_missing_one_by_asking_each()
    {
        await using var sandbox = new EmulatorSandbox();
        var (runtime, log) = RecordingRuntime(sandbox);

        var all = await runtime.FindImagesAsync([EmulatorSandbox.BusyboxImage, EmulatorSandbox.ServiceImage]);
        var invocationsForAll = File.ReadAllLines(log).Length;
        var some = await runtime.FindImagesAsync([EmulatorSandbox.BusyboxImage, "localhost/actr-missing:1"]);

        Assert.Equal([EmulatorSandbox.BusyboxImage, EmulatorSandbox.ServiceImage], all.Order(StringComparer.Ordinal));
        Assert.Equal(1, invocationsForAll);
        Assert.Equal([EmulatorSandbox.BusyboxImage], some);
        Assert.Equal(1 + 3, File.ReadAllLines(log).Length);
    }

    [EmulatorFact(Timeout = 60_000)]
    public async Task A_stopped_service_fails_the_query_with_runtime_not_running()
    {
        await using var sandbox = new EmulatorSandbox();
        await sandbox.CliAsync("system", "stop");

        var error = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().FindImagesAsync([EmulatorSandbox.BusyboxImage, EmulatorSandbox.ServiceImage]));

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
    }

    private static (IContainerRuntime Runtime, string Log) RecordingRuntime(EmulatorSandbox sandbox)
    {
        var log = Path.Combine(sandbox.State.Path, "invocations.log");
        File.WriteAllText(log, string.Empty);
        var wrapper = Path.Combine(sandbox.State.Path, "container");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{sandbox.CliPath}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (sandbox.Runtime(cliPath: wrapper), log);
    }
}
