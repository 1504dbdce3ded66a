using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A headless Aspire application for a real-runtime test (see <see cref="LabelledTestApp"/>) on one
/// <see cref="TestRuntime"/>: names start with a random <c>engd-</c> prefix and containers carry
/// <c>engd.test=&lt;prefix&gt;</c>; disposing removes whatever still carries that label, even when the test failed.
/// </summary>
internal sealed class RuntimeTestApp : LabelledTestApp
{
    public const string TestLabel = "engd.test";

    private RuntimeTestApp(TestRuntime runtime, string prefix, string labelKey)
        : base(prefix, labelKey)
    {
        Runtime = runtime;
        runtime.Configure(Builder);
    }

    /// <summary>The runtime this application runs its containers on.</summary>
    public TestRuntime Runtime { get; }

    /// <summary>Whether disposing removes the labelled containers (a test spanning several runs cleans up itself).</summary>
    public bool RemoveContainersOnDispose { get; set; } = true;

    public static RuntimeTestApp Create(TestRuntime runtime, string? prefix = null, string labelKey = TestLabel) =>
        new(runtime, prefix ?? NewPrefix(), labelKey);

    /// <summary>A fresh random prefix.</summary>
    public static string NewPrefix() => "engd-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The containers labelled for this test, through the bridge.</summary>
    public Task<IReadOnlyList<ContainerInfo>> ListContainersAsync() => ListLabelledAsync(Runtime, Prefix, LabelKey);

    /// <summary>The bridge on this test's runtime.</summary>
    public Task<IContainerRuntime> BridgeAsync() => Runtime.BridgeAsync();

    /// <inheritdoc />
    protected override Task CleanUpAsync() => RemoveContainersOnDispose ? RemoveLabelledAsync(Runtime, Prefix, LabelKey) : Task.CompletedTask;

    /// <summary>The containers labelled <c><paramref name="labelKey"/>=<paramref name="prefix"/></c> on <paramref name="runtime"/>.</summary>
    public static async Task<IReadOnlyList<ContainerInfo>> ListLabelledAsync(TestRuntime runtime, string prefix, string labelKey = TestLabel) =>
        await (await runtime.BridgeAsync()).ListContainersAsync(new Dictionary<string, string> { [labelKey] = prefix });

    /// <summary>
    /// Removes every container, then every volume, labelled <c><paramref name="labelKey"/>=<paramref name="prefix"/></c>,
    /// then the integration's persistent networks no container uses any more (they outlive AppHosts by design, like
    /// DCP's, and carry no test label).
    /// </summary>
    public static async Task RemoveLabelledAsync(TestRuntime runtime, string prefix, string labelKey = TestLabel)
    {
        var bridge = await runtime.BridgeAsync();
        var labels = new Dictionary<string, string> { [labelKey] = prefix };
        foreach (var container in await bridge.ListContainersAsync(labels))
        {
            await bridge.RemoveContainerAsync(container.Id, force: true);
        }

        foreach (var volume in await bridge.ListVolumesAsync(labels))
        {
            await bridge.RemoveVolumeAsync(volume.Name);
        }

        var persistent = new Dictionary<string, string> { [ContainerLabels.Managed] = "true", [ContainerLabels.Lifetime] = ContainerLabels.PersistentLifetime };
        foreach (var network in await bridge.ListNetworksAsync(persistent))
        {
            try
            {
                await bridge.RemoveNetworkAsync(network.Name);
            }
            catch (BridgeException ex) when (ex.Code is BridgeErrorCode.NetworkInUse or BridgeErrorCode.NetworkNotFound)
            {
            }
        }
    }

    /// <summary>Runs <c>sh -c <paramref name="script"/></c> in the resource's container and returns its stdout (asserting exit 0).</summary>
    public async Task<string> ExecAsync(ResourceEvent resource, string script)
    {
        var result = await (await BridgeAsync()).ExecAsync(ContainerId(resource), new ExecSpec { Command = ["sh", "-c", script] });
        Xunit.Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.StandardError}");
        return result.StandardOutput;
    }
}
