using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>
/// The few queries the sample test makes to check and clean up what the sample created, through the bridge of the
/// runtime under test (so they hold on every runtime).
/// </summary>
internal static class RuntimeChecks
{
    /// <summary>The label the integration puts on every container it creates: the AppHost process, as <c>pid-starttime</c>.</summary>
    public const string OwnerLabel = "io.aspire.applecontainer.owner";

    /// <summary>The containers (running or not) that the AppHost process <paramref name="processId"/> created.</summary>
    public static async Task<IReadOnlyList<ContainerInfo>> ContainersOwnedByAsync(TestRuntime runtime, int processId) =>
        (await (await runtime.BridgeAsync()).ListContainersAsync())
            .Where(c => c.Labels.TryGetValue(OwnerLabel, out var owner) && owner.StartsWith($"{processId}-", StringComparison.Ordinal))
            .ToList();

    /// <summary>Whether a volume named <paramref name="name"/> exists.</summary>
    public static async Task<bool> VolumeExistsAsync(TestRuntime runtime, string name) =>
        (await (await runtime.BridgeAsync()).ListVolumesAsync()).Any(v => v.Name == name);

    /// <summary>Removes containers, running or not.</summary>
    public static async Task RemoveContainersAsync(TestRuntime runtime, IEnumerable<ContainerInfo> containers)
    {
        var bridge = await runtime.BridgeAsync();
        foreach (var container in containers)
        {
            await bridge.RemoveContainerAsync(container.Id, force: true);
        }
    }

    /// <summary>Removes a volume (when it exists).</summary>
    public static async Task RemoveVolumeAsync(TestRuntime runtime, string name)
    {
        try
        {
            await (await runtime.BridgeAsync()).RemoveVolumeAsync(name);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.VolumeNotFound)
        {
        }
    }

    /// <summary>How a container shows in a message.</summary>
    public static string Describe(ContainerInfo container) => $"{container.Id} {container.Name} ({container.State})";
}
