using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A headless Aspire application for a real-podman test (see <see cref="LabelledTestApp"/>): names start with a random
/// <c>engd-</c> prefix and containers carry <c>engd.test=&lt;prefix&gt;</c>; disposing removes whatever still carries
/// that label, even when the test failed.
/// </summary>
internal sealed class PodmanTestApp : LabelledTestApp
{
    public const string TestLabel = "engd.test";

    private PodmanTestApp(string prefix, string labelKey)
        : base(prefix, labelKey)
    {
    }

    /// <summary>Whether disposing removes the labelled containers (a test spanning several runs cleans up itself).</summary>
    public bool RemoveContainersOnDispose { get; set; } = true;

    public static PodmanTestApp Create(string? prefix = null, string labelKey = TestLabel) =>
        new(prefix ?? "engd-" + Guid.NewGuid().ToString("N")[..8], labelKey);

    /// <summary>The containers labelled for this test, through the bridge.</summary>
    public async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync() =>
        await (await Runtime.Value).ListContainersAsync(new Dictionary<string, string> { [LabelKey] = Prefix });

    public static Lazy<Task<IContainerRuntime>> Runtime { get; } = new(() => ContainerRuntimeSelector.SelectAsync(new RuntimeSelectionOptions { Runtime = "podman" }));

    /// <inheritdoc />
    protected override Task CleanUpAsync() => RemoveContainersOnDispose ? RemoveLabelledAsync(Prefix, LabelKey) : Task.CompletedTask;

    /// <summary>Removes every container, then every volume, labelled <c><paramref name="labelKey"/>=<paramref name="prefix"/></c>.</summary>
    public static async Task RemoveLabelledAsync(string prefix, string labelKey = TestLabel)
    {
        var runtime = await Runtime.Value;
        var labels = new Dictionary<string, string> { [labelKey] = prefix };
        foreach (var container in await runtime.ListContainersAsync(labels))
        {
            await runtime.RemoveContainerAsync(container.Id, force: true);
        }

        foreach (var volume in await runtime.ListVolumesAsync(labels))
        {
            await runtime.RemoveVolumeAsync(volume.Name);
        }
    }
}
