using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.Bridge.Oci;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>
/// How the OCI dialect asks podman about several images: one process when all exist, and references answered as
/// given even when podman resolves them (short names). The runtime under test runs podman through a wrapper script of
/// its own that records each invocation, so only its processes are counted.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PodmanImageQueryTests(PodmanFixture fixture) : RuntimeContract<PodmanFixture>(fixture)
{
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Images_that_all_exist_are_answered_by_one_podman_process()
    {
        await using var scope = BeginTest();
        var (runtime, log) = RecordingRuntime(scope);

        var found = await runtime.FindImagesAsync([Fixture.BusyboxImage, Fixture.ServiceImage, "localhost/actr-test/redis:7.0"]);

        Assert.Equal(3, found.Count);
        Assert.Single(File.ReadAllLines(log));
    }

    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task A_missing_image_among_several_is_found_out_by_asking_one_by_one()
    {
        await using var scope = BeginTest();
        var (runtime, log) = RecordingRuntime(scope);
        var missing = $"localhost/{scope.NewName()}:latest";

        var found = await runtime.FindImagesAsync([Fixture.BusyboxImage, missing]);

        Assert.Equal([Fixture.BusyboxImage], found);
        Assert.Equal(3, File.ReadAllLines(log).Length);
    }

    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task A_short_name_that_podman_resolves_is_answered_as_given()
    {
        await using var scope = BeginTest();
        const string shortName = "actr-test/busybox:latest";

        var found = await Runtime.FindImagesAsync([shortName, Fixture.ServiceImage]);

        Assert.Equal([shortName, Fixture.ServiceImage], found.Order(StringComparer.Ordinal));
        Assert.True(await Runtime.ImageExistsAsync(shortName));
    }

    private (OciContainerRuntime Runtime, string Log) RecordingRuntime(ResourceScope scope)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"{Fixture.NamePrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        scope.TrackPath(directory);
        var log = Path.Combine(directory, "invocations.log");
        File.WriteAllText(log, string.Empty);
        var podman = Path.Combine(directory, "podman");
        var real = Fixture.PodmanPath.Contains('/') ? Fixture.PodmanPath : "/usr/bin/podman";
        File.WriteAllText(podman, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec '{real}' \"$@\"\n");
        File.SetUnixFileMode(podman, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return (new OciContainerRuntime("podman", podman), log);
    }
}
