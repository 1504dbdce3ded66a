using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.TestSupport;

/// <summary>
/// A headless Aspire application for a real-podman test: every resource name starts with the test's random
/// <see cref="Prefix"/>, and every service container carries the label <c><see cref="LabelKey"/>=<see cref="Prefix"/></c>.
/// Disposing stops the application, then lets the suite's <see cref="CleanUpAsync"/> deal with whatever still carries
/// the label, even when the test failed. Compiled into each test project that needs it (<c>tests/TestSupport</c>).
/// </summary>
internal abstract class LabelledTestApp : IAsyncDisposable
{
    public const string ServiceImage = "localhost/actr-test/service";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    protected LabelledTestApp(string prefix, string labelKey)
    {
        Prefix = prefix;
        LabelKey = labelKey;
        Builder = DistributedApplicationTestingBuilder.Create([], (options, _) => options.DisableDashboard = true);

        // The host gives its services' StopAsync its own ceiling (30 s by default), which would cut a stop that
        // StopTimeout allows longer (twenty containers on the Apple emulator under load): the two are kept equal.
        Builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(options => options.ShutdownTimeout = StopTimeout);
    }

    /// <summary>The random prefix of this test's resource names, and the value of its cleanup label.</summary>
    public string Prefix { get; }

    /// <summary>The key of the cleanup label.</summary>
    public string LabelKey { get; }

    public IDistributedApplicationTestingBuilder Builder { get; }

    public DistributedApplication? App { get; private set; }

    /// <summary>The ceiling on stopping the application (every container stops and goes); 60 s unless a test starts many.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(60);

    public ResourceNotificationService Notifications => App!.Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>The prefixed resource name.</summary>
    public string Name(string suffix) => $"{Prefix}-{suffix}";

    /// <summary>Adds a container of the local test service image, labelled for cleanup.</summary>
    public IResourceBuilder<AppleContainerResource> AddService(string suffix) =>
        Builder.AddAppleContainer(Name(suffix), ServiceImage, "latest").WithContainerLabel(LabelKey, Prefix);

    /// <summary>Builds and starts the application; <paramref name="beforeStart"/> sees it built and not yet started.</summary>
    public async Task<DistributedApplication> StartAsync(Action<DistributedApplication>? beforeStart = null)
    {
        App = await Builder.BuildAsync();
        beforeStart?.Invoke(App);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        return App;
    }

    /// <summary>Waits until the resource's snapshot satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceEvent> WaitForAsync(string suffix, Func<ResourceEvent, bool> predicate, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? StartTimeout);
        return await Notifications.WaitForResourceAsync(Name(suffix), predicate, limit.Token);
    }

    public Task<ResourceEvent> WaitForStateAsync(string suffix, string state, TimeSpan? timeout = null) =>
        WaitForAsync(suffix, e => e.Snapshot.State?.Text == state, timeout);

    public static string ContainerId(ResourceEvent e) =>
        (string)e.Snapshot.Properties.Single(p => p.Name == "container.id").Value!;

    /// <summary>Stops the application as Ctrl+C would (the integration removes its session containers).</summary>
    public async Task StopAppAsync()
    {
        if (App is { } app)
        {
            App = null;
            using var timeout = new CancellationTokenSource(StopTimeout);
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
            try
            {
                await CleanUpAsync();
            }
            finally
            {
                await Builder.DisposeAsync();
            }
        }
    }

    /// <summary>After the application stopped: what the suite does with whatever still carries the label.</summary>
    protected abstract Task CleanUpAsync();
}
