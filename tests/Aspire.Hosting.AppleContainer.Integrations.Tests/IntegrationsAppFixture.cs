using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Contract;
using Aspire.Hosting.AppleContainer.IntegrationsAppHost;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.Integrations.Tests;

/// <summary>
/// The integrations AppHost, started once per runtime for <see cref="IntegrationsAppTests{TRuntime}"/> as Aspire's testing
/// builder starts an AppHost project. The suite adds only what a test needs around it: the runtime selection, and the
/// label <c>engs.test=&lt;prefix&gt;</c> on every container so that disposing removes whatever is left, even after a
/// failure.
/// </summary>
public sealed class IntegrationsAppFixture<TRuntime> : IAsyncLifetime
    where TRuntime : TestRuntime, new()
{
    public const string LabelKey = "engs.test";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private IDistributedApplicationTestingBuilder? _builder;
    private IReadOnlyList<string> _lentImageNames = [];

    public TRuntime Runtime { get; } = new();

    /// <summary>The value of this run's cleanup label.</summary>
    public string Prefix { get; } = "engs-" + Guid.NewGuid().ToString("N")[..8];

    public DistributedApplication App { get; private set; } = null!;

    public ResourceNotificationService Notifications => App.Services.GetRequiredService<ResourceNotificationService>();

    public DistributedApplicationModel Model => App.Services.GetRequiredService<DistributedApplicationModel>();

    public async Task InitializeAsync()
    {
        if (RuntimeAvailability.SkipReasonForTestClass(typeof(TRuntime)) is not null)
        {
            return;
        }

        await Runtime.InitializeAsync();
        _builder = await DistributedApplicationTestingBuilder.CreateAsync(
            typeof(AppModel),
            [],
            (options, _) => options.DisableDashboard = true);
        Runtime.Configure(_builder);
        foreach (var container in _builder.Resources.OfType<ContainerResource>().ToList())
        {
            _builder.CreateResourceBuilder(container).WithContainerLabel(LabelKey, Prefix);
        }

        _lentImageNames = await AspireImageTags.LendAsync(AspireImageTags.StoreOf(Runtime), _builder.Resources);
        App = await _builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
    }

    /// <summary>Waits until the resource's snapshot satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceEvent> WaitForAsync(string resource, Func<ResourceEvent, bool> predicate, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? StartTimeout);
        return await Notifications.WaitForResourceAsync(resource, predicate, limit.Token);
    }

    /// <summary>Waits until the resource is healthy (its integration's own health check passed).</summary>
    public async Task<ResourceEvent> WaitForHealthyAsync(string resource)
    {
        using var limit = new CancellationTokenSource(StartTimeout);
        return await Notifications.WaitForResourceHealthyAsync(resource, limit.Token);
    }

    /// <summary>Runs <c>sh -c <paramref name="script"/></c> in the resource's container through the bridge.</summary>
    internal async Task<ExecResult> ExecAsync(ResourceEvent resource, string script) =>
        await (await Runtime.BridgeAsync()).ExecAsync(ContainerId(resource), new ExecSpec { Command = ["sh", "-c", script] });

    public static string ContainerId(ResourceEvent e) =>
        (string)e.Snapshot.Properties.Single(p => p.Name == "container.id").Value!;

    public async Task DisposeAsync()
    {
        if (_builder is null)
        {
            return;
        }

        try
        {
            if (App is { } app)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
                await app.StopAsync(timeout.Token);
                await app.DisposeAsync();
            }
        }
        finally
        {
            try
            {
                await RemoveLabelledAsync();
            }
            finally
            {
                await AspireImageTags.ReturnAsync(AspireImageTags.StoreOf(Runtime), _lentImageNames);
                await _builder.DisposeAsync();
                await Runtime.DisposeAsync();
            }
        }
    }

    private async Task RemoveLabelledAsync()
    {
        var bridge = await Runtime.BridgeAsync();
        var labels = new Dictionary<string, string> { [LabelKey] = Prefix };
        foreach (var container in await bridge.ListContainersAsync(labels))
        {
            await bridge.RemoveContainerAsync(container.Id, force: true);
        }

        foreach (var volume in await bridge.ListVolumesAsync(labels))
        {
            await bridge.RemoveVolumeAsync(volume.Name);
        }
    }
}
