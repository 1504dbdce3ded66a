using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A headless Aspire application for a real-podman test. Every resource name starts with a random <c>engd-</c>
/// prefix and every container the test's resources create carries the label <c>engd.test=&lt;prefix&gt;</c>;
/// disposing stops the application and removes whatever still carries that label, even when the test failed.
/// </summary>
internal sealed class PodmanTestApp : IAsyncDisposable
{
    public const string TestLabel = "engd.test";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private PodmanTestApp(string prefix, string labelKey, IDistributedApplicationTestingBuilder builder)
    {
        Prefix = prefix;
        LabelKey = labelKey;
        Builder = builder;
    }

    /// <summary>The random prefix of this test's resource names.</summary>
    public string Prefix { get; }

    /// <summary>The key of the cleanup label (<see cref="TestLabel"/> unless the test chose its own).</summary>
    public string LabelKey { get; }

    public IDistributedApplicationTestingBuilder Builder { get; }

    public DistributedApplication? App { get; private set; }

    /// <summary>Whether disposing removes the labelled containers (a test spanning several runs cleans up itself).</summary>
    public bool RemoveContainersOnDispose { get; set; } = true;

    public static PodmanTestApp Create(string? prefix = null, string labelKey = TestLabel)
    {
        prefix ??= "engd-" + Guid.NewGuid().ToString("N")[..8];
        var builder = DistributedApplicationTestingBuilder.Create([], (options, _) => options.DisableDashboard = true);
        return new PodmanTestApp(prefix, labelKey, builder);
    }

    /// <summary>The prefixed resource name.</summary>
    public string Name(string suffix) => $"{Prefix}-{suffix}";

    /// <summary>Adds a container of the local test service image, labelled for cleanup.</summary>
    public IResourceBuilder<AppleContainerResource> AddService(string suffix) =>
        Builder.AddAppleContainer(Name(suffix), "localhost/actr-test/service", "latest").WithContainerLabel(LabelKey, Prefix);

    public async Task<DistributedApplication> StartAsync()
    {
        App = await Builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        return App;
    }

    public ResourceNotificationService Notifications => App!.Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>Waits until <paramref name="suffix"/>'s snapshot satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceEvent> WaitForAsync(string suffix, Func<ResourceEvent, bool> predicate, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? StartTimeout);
        return await Notifications.WaitForResourceAsync(Name(suffix), predicate, limit.Token);
    }

    public Task<ResourceEvent> WaitForStateAsync(string suffix, string state, TimeSpan? timeout = null) =>
        WaitForAsync(suffix, e => e.Snapshot.State?.Text == state, timeout);

    public static string ContainerId(ResourceEvent e) =>
        (string)e.Snapshot.Properties.Single(p => p.Name == "container.id").Value!;

    /// <summary>The containers labelled for this test, through the bridge.</summary>
    public async Task<IReadOnlyList<ContainerInfo>> ListContainersAsync() =>
        await (await Runtime.Value).ListContainersAsync(new Dictionary<string, string> { [LabelKey] = Prefix });

    public static Lazy<Task<IContainerRuntime>> Runtime { get; } = new(() => ContainerRuntimeSelector.SelectAsync(new RuntimeSelectionOptions { Runtime = "podman" }));

    /// <summary>Stops the application as Ctrl+C would, leaving any container it did not remove itself.</summary>
    public async Task StopAppAsync()
    {
        if (App is { } app)
        {
            App = null;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAppAsync();
        }
        finally
        {
            if (RemoveContainersOnDispose)
            {
                await RemoveLabelledAsync(Prefix, LabelKey);
            }

            await Builder.DisposeAsync();
        }
    }

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
