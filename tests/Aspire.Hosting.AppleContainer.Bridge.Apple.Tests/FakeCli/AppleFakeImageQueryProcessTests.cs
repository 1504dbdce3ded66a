namespace Aspire.Hosting.AppleContainer.Bridge.Apple.Tests.FakeCli;

/// <summary>
/// How the Apple dialect asks about several images (through the fake CLI, whose <c>image inspect</c> follows
/// ImageInspect.swift @1.0.0): one process when all exist, and a stopped service is runtime_not_running. The runtime
/// runs the fake through a wrapper script that records each invocation.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class AppleFakeImageQueryProcessTests
{
    private const string Busybox = "localhost/actr-test/busybox:latest";

    [Fact(Timeout = 60_000)]
    public async Task Images_that_all_exist_are_answered_by_one_container_process_and_a_missing_one_by_asking_each()
    {
        await using var sandbox = new FakeAppleSandbox();
        await sandbox.CliAsync("image", "pull", Busybox);
        await sandbox.CliAsync("image", "pull", FakeAppleSandbox.ServiceImage);
        var (runtime, log) = RecordingRuntime(sandbox);

        var all = await runtime.FindImagesAsync([Busybox, FakeAppleSandbox.ServiceImage]);
        var invocationsForAll = File.ReadAllLines(log).Length;
        var some = await runtime.FindImagesAsync([Busybox, "localhost/actr-missing:1"]);

        Assert.Equal([Busybox, FakeAppleSandbox.ServiceImage], all.Order(StringComparer.Ordinal));
        Assert.Equal(1, invocationsForAll);
        Assert.Equal([Busybox], some);
        Assert.Equal(1 + 3, File.ReadAllLines(log).Length);
    }

    [Fact(Timeout = 60_000)]
    public async Task A_stopped_service_fails_the_query_with_runtime_not_running()
    {
        await using var sandbox = new FakeAppleSandbox();
        await sandbox.CliAsync("image", "pull", Busybox);
        sandbox.Switch("service-stopped");

        var error = await Assert.ThrowsAsync<BridgeException>(() => sandbox.Runtime().FindImagesAsync([Busybox, FakeAppleSandbox.ServiceImage]));

        Assert.Equal(BridgeErrorCode.RuntimeNotRunning, error.Code);
    }

    private static (IContainerRuntime Runtime, string Log) RecordingRuntime(FakeAppleSandbox sandbox)
    {
        Directory.CreateDirectory(sandbox.StateDirectory);
        var log = Path.Combine(sandbox.StateDirectory, "invocations.log");
        File.WriteAllText(log, string.Empty);
        var wrapper = Path.Combine(sandbox.StateDirectory, "container");
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{sandbox.CliPath}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (sandbox.Runtime(cliPath: wrapper), log);
    }
}
