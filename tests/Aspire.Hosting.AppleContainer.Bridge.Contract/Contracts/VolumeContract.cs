namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>Named volumes: create with labels, list by label, share data, remove; the coded failures.</summary>
/// <typeparam name="TFixture">The dialect's fixture.</typeparam>
public abstract class VolumeContract<TFixture>(TFixture fixture) : RuntimeContract<TFixture>(fixture)
    where TFixture : RuntimeFixture
{
    /// <summary>A created volume is listed by its labels (values with '=' intact) and is gone after removal.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Volume_create_list_and_remove_round_trip_labels()
    {
        await using var scope = BeginTest();
        var name = scope.NewName();
        var marker = new Dictionary<string, string> { ["actr-contract.volume-test"] = $"{name}=x=y" };
        scope.TrackVolume(name);

        await Runtime.CreateVolumeAsync(new VolumeSpec(name) { Labels = scope.Labels(marker) });
        var listed = await Runtime.ListVolumesAsync(marker);
        await Runtime.RemoveVolumeAsync(name);
        var afterRemoval = await Runtime.ListVolumesAsync(marker);

        var volume = Assert.Single(listed);
        Assert.Equal(name, volume.Name);
        Assert.Equal($"{name}=x=y", volume.Labels["actr-contract.volume-test"]);
        Assert.Empty(afterRemoval);
    }

    /// <summary>Creating a volume whose name exists fails with name_in_use.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Volume_create_with_an_existing_name_fails_with_name_in_use()
    {
        await using var scope = BeginTest();
        var spec = new VolumeSpec(scope.NewName()) { Labels = scope.Labels() };
        scope.TrackVolume(spec.Name);
        await Runtime.CreateVolumeAsync(spec);

        var error = await ThrowsBridgeAsync(() => Runtime.CreateVolumeAsync(spec));

        Assert.Equal(BridgeErrorCode.NameInUse, error.Code);
    }

    /// <summary>Removing a volume that does not exist fails with volume_not_found.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Short)]
    public async Task Volume_remove_of_a_missing_volume_fails_with_volume_not_found()
    {
        await using var scope = BeginTest();

        var error = await ThrowsBridgeAsync(() => Runtime.RemoveVolumeAsync(scope.NewName()));

        Assert.Equal(BridgeErrorCode.VolumeNotFound, error.Code);
    }

    /// <summary>Data written to a volume by one container is read by the next; a used volume cannot be removed.</summary>
    [RuntimeFact(Timeout = ContractTimeouts.Medium)]
    public async Task Volume_keeps_data_between_containers_and_cannot_be_removed_while_used()
    {
        await using var scope = BeginTest();
        var volume = scope.NewName();
        scope.TrackVolume(volume);
        await Runtime.CreateVolumeAsync(new VolumeSpec(volume) { Labels = scope.Labels() });
        var mount = new MountSpec(MountKind.Volume, volume, "/data");

        var writer = await scope.RunAsync(scope.ServiceSpec(args: ["sh", "-c", "echo persisted > /data/file"]) with { Mounts = [mount] });
        Assert.Equal(0, (await Runtime.WaitForExitAsync(writer)).ExitCode);
        var reader = await scope.RunAsync(scope.ServiceSpec(args: ["cat", "/data/file"]) with { Mounts = [mount with { ReadOnly = true }] });
        await Runtime.WaitForExitAsync(reader);
        var inUse = await ThrowsBridgeAsync(() => Runtime.RemoveVolumeAsync(volume));

        var lines = new List<string>();
        await foreach (var line in Runtime.GetLogsAsync(reader, follow: false))
        {
            lines.Add(line.Text);
        }

        Assert.Contains("persisted", lines);
        Assert.Equal(BridgeErrorCode.VolumeInUse, inUse.Code);
        var info = await Runtime.InspectContainerAsync(reader);
        var reported = Assert.Single(info.Mounts, m => m.Target == "/data");
        Assert.Equal(MountKind.Volume, reported.Kind);
        Assert.Equal(volume, reported.Source);
        Assert.True(reported.ReadOnly);
    }
}
