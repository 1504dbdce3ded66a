using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// The label every container and volume of this suite carries, <c>engh.run=&lt;prefix&gt;</c> (as the bench AppHost
/// sets it too), with a random <c>engh-</c> prefix per test; cleanup is a query on it.
/// </summary>
internal static class TestLabels
{
    public const string Key = "engh.run";

    /// <summary>The real podman, through the bridge (never the switchable stand-in).</summary>
    public static Lazy<Task<IContainerRuntime>> Podman { get; } = new(() => ContainerRuntimeSelector.SelectAsync(new RuntimeSelectionOptions { Runtime = "podman" }));

    /// <summary>A fresh prefix, remembered for the suite's final leftover check.</summary>
    public static string New()
    {
        var prefix = "engh-" + Guid.NewGuid().ToString("N")[..8];
        LeftoverCheck.Issued.Add(prefix);
        return prefix;
    }

    public static Dictionary<string, string> Selector(string prefix) => new() { [Key] = prefix };

    public static async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(string prefix) =>
        await (await Podman.Value).ListContainersAsync(Selector(prefix));

    /// <summary>Removes every container, then every volume, labelled with <paramref name="prefix"/>; returns what it removed.</summary>
    public static async Task<List<string>> RemoveAsync(string prefix)
    {
        var runtime = await Podman.Value;
        var removed = new List<string>();
        foreach (var container in await runtime.ListContainersAsync(Selector(prefix)))
        {
            try
            {
                await runtime.RemoveContainerAsync(container.Id, force: true);
                removed.Add($"container {container.Name}");
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
            {
                // Removed meanwhile (by a watchdog or the AppHost's own shutdown).
            }
        }

        foreach (var volume in await runtime.ListVolumesAsync(Selector(prefix)))
        {
            try
            {
                await runtime.RemoveVolumeAsync(volume.Name);
                removed.Add($"volume {volume.Name}");
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.VolumeNotFound)
            {
            }
        }

        return removed;
    }
}
