using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// The label every container and volume of this suite carries, <c>engh.run=&lt;prefix&gt;</c> (as the bench AppHost
/// sets it too), with a random <c>engh-</c> prefix per test; cleanup is a query on it, through the bridge of the
/// runtime the test runs on (the real CLI, never a test's switchable stand-in).
/// </summary>
internal static class TestLabels
{
    public const string Key = "engh.run";

    /// <summary>A fresh prefix, remembered with its runtime for the suite's final leftover check.</summary>
    public static string New(TestRuntime runtime)
    {
        var prefix = "engh-" + Guid.NewGuid().ToString("N")[..8];
        LeftoverCheck.Issued.Add((runtime, prefix));
        return prefix;
    }

    public static Dictionary<string, string> Selector(string prefix) => new() { [Key] = prefix };

    public static async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync(TestRuntime runtime, string prefix) =>
        await (await runtime.BridgeAsync()).ListContainersAsync(Selector(prefix));

    /// <summary>Removes every container, then every volume, labelled with <paramref name="prefix"/>; returns what it removed.</summary>
    public static async Task<List<string>> RemoveAsync(TestRuntime runtime, string prefix)
    {
        var bridge = await runtime.BridgeAsync();
        var removed = new List<string>();
        foreach (var container in await bridge.ListContainersAsync(Selector(prefix)))
        {
            try
            {
                await bridge.RemoveContainerAsync(container.Id, force: true);
                removed.Add($"{runtime} container {container.Name}");
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
            {
                // Removed meanwhile (by a watchdog or the AppHost's own shutdown).
            }
        }

        foreach (var volume in await bridge.ListVolumesAsync(Selector(prefix)))
        {
            try
            {
                await bridge.RemoveVolumeAsync(volume.Name);
                removed.Add($"{runtime} volume {volume.Name}");
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.VolumeNotFound)
            {
            }
        }

        return removed;
    }
}
