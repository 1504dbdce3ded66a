using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// A headless Aspire application for one reliability test: resource names start with the test's random prefix, and
/// every container carries <c>engh.run=&lt;prefix&gt;</c>. Disposing stops the application, removes whatever still
/// carries the label (even when the test failed) and then fails if anything labelled is left.
/// </summary>
internal sealed class ReliabilityApp : IAsyncDisposable
{
    public const string ServiceImage = "localhost/actr-test/service";
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private ReliabilityApp(string prefix, IDistributedApplicationTestingBuilder builder)
    {
        Prefix = prefix;
        Builder = builder;
    }

    public string Prefix { get; }

    public IDistributedApplicationTestingBuilder Builder { get; }

    public DistributedApplication? App { get; private set; }

    public static ReliabilityApp Create() =>
        new(TestLabels.New(), DistributedApplicationTestingBuilder.Create([], (options, _) => options.DisableDashboard = true));

    /// <summary>The prefixed resource name.</summary>
    public string Name(string suffix) => $"{Prefix}-{suffix}";

    /// <summary>Adds a container of the local test service image, labelled for cleanup.</summary>
    public IResourceBuilder<AppleContainerResource> AddService(string suffix) =>
        Builder.AddAppleContainer(Name(suffix), ServiceImage, "latest").WithContainerLabel(TestLabels.Key, Prefix);

    public async Task<DistributedApplication> StartAsync()
    {
        App = await Builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        return App;
    }

    public ResourceNotificationService Notifications => App!.Services.GetRequiredService<ResourceNotificationService>();

    public ResourceCommandService Commands => App!.Services.GetRequiredService<ResourceCommandService>();

    public ResourceLoggerService Loggers => App!.Services.GetRequiredService<ResourceLoggerService>();

    /// <summary>Waits until the resource's snapshot satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceEvent> WaitForAsync(string suffix, Func<ResourceEvent, bool> predicate, TimeSpan? timeout = null)
    {
        using var limit = new CancellationTokenSource(timeout ?? StartTimeout);
        return await Notifications.WaitForResourceAsync(Name(suffix), predicate, limit.Token);
    }

    public Task<ResourceEvent> WaitForStateAsync(string suffix, string state, TimeSpan? timeout = null) =>
        WaitForAsync(suffix, e => e.Snapshot.State?.Text == state, timeout);

    /// <summary>Runs a dashboard command (start, stop, restart) on the resource.</summary>
    public Task<ExecuteCommandResult> ExecuteAsync(string suffix, string command) =>
        Commands.ExecuteCommandAsync(Name(suffix), command);

    public static string ContainerId(ResourceEvent e) =>
        (string)e.Snapshot.Properties.Single(p => p.Name == "container.id").Value!;

    /// <summary>The coded error the integration put on the resource's snapshot, or null.</summary>
    public static string? Error(ResourceEvent e) =>
        e.Snapshot.Properties.FirstOrDefault(p => p.Name == "applecontainer.error")?.Value as string;

    /// <summary>Stops the application as Ctrl+C would (the integration removes its session containers).</summary>
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
            await TestLabels.RemoveAsync(Prefix);
            await Builder.DisposeAsync();
        }

        var left = await TestLabels.ListContainersAsync(Prefix);
        if (left.Count > 0)
        {
            throw new InvalidOperationException($"Containers labelled {Prefix} remain: {string.Join(", ", left.Select(c => c.Name))}");
        }
    }
}
