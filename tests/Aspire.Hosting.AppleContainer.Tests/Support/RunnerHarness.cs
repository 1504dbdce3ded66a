using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Cleanup;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.AppleContainer.Orchestration;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// A <see cref="ContainerOrchestrator"/> on a <see cref="ScriptedRuntime"/>, over a <see cref="ModelApp"/>: the
/// resources' snapshots go to the application's own ResourceNotificationService, where the dashboard reads them. Crash
/// cleanup (watchdog, sweep) is left out: its guard finds no runtime. Disposing shuts the orchestrator down.
/// </summary>
internal sealed class RunnerHarness : IAsyncDisposable
{
    /// <summary>How long a test waits for anything before it fails.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly ModelApp _app;

    private RunnerHarness(ModelApp app, ScriptedRuntime runtime)
    {
        _app = app;
        Runtime = runtime;
        var gateway = new HostGateway(runtime, NullLogger<HostGateway>.Instance);
        var guard = new SessionGuard(new NoRuntime(), app.Session, NullLogger<SessionGuard>.Instance);
        Orchestrator = new ContainerOrchestrator(
            runtime,
            app.Services.GetRequiredService<DistributedApplicationExecutionContext>(),
            app.Session,
            gateway,
            new ContainerNetworkAllocator(gateway),
            guard,
            NullLogger<ContainerOrchestrator>.Instance);
    }

    public ScriptedRuntime Runtime { get; }

    public ContainerOrchestrator Orchestrator { get; }

    public ResourceNotificationService Notifications => _app.Services.GetRequiredService<ResourceNotificationService>();

    /// <summary>Builds an application with the resources <paramref name="configure"/> adds, run on <paramref name="runtime"/> (a new one by default).</summary>
    public static RunnerHarness Create(Action<IDistributedApplicationBuilder> configure, ScriptedRuntime? runtime = null)
    {
        var builder = ModelApp.CreateBuilder();
        configure(builder);
        return new RunnerHarness(ModelApp.Prepare(builder), runtime ?? new ScriptedRuntime());
    }

    /// <summary>Hands <paramref name="name"/> to the orchestrator as Aspire does (InitializeResourceEvent), which starts it in the background.</summary>
    public ResourceRunner Initialize(string name)
    {
        var resource = _app.Services.GetRequiredService<DistributedApplicationModel>().Resources.OfType<ContainerResource>().Single(r => r.Name == name);
        Orchestrator.Initialize(resource, new InitializeResourceEvent(
            resource,
            _app.Services.GetRequiredService<IDistributedApplicationEventing>(),
            _app.Services.GetRequiredService<ResourceLoggerService>(),
            Notifications,
            _app.Services));
        return Orchestrator.GetRunner(name)!;
    }

    /// <summary>Waits until the resource's published snapshot satisfies <paramref name="predicate"/>; fails the test after <see cref="Bound"/>.</summary>
    public async Task<CustomResourceSnapshot> WaitForAsync(string name, Func<CustomResourceSnapshot, bool> predicate, string what)
    {
        using var limit = new CancellationTokenSource(Bound);
        try
        {
            return (await Notifications.WaitForResourceAsync(name, e => predicate(e.Snapshot), limit.Token)).Snapshot;
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Notifications.TryGetCurrentState(name, out var current);
            Assert.Fail($"'{name}' was not {what} within {Bound.TotalSeconds} s; it is {Describe(current?.Snapshot)}. Journal:\n{Runtime.Journal}");
            throw;
        }
    }

    /// <summary>Waits until the resource is in <paramref name="state"/>.</summary>
    public Task<CustomResourceSnapshot> WaitForStateAsync(string name, string state) =>
        WaitForAsync(name, s => s.State?.Text == state, state);

    /// <summary>The resource's current snapshot.</summary>
    public CustomResourceSnapshot Current(string name) =>
        Notifications.TryGetCurrentState(name, out var current) ? current.Snapshot : throw new InvalidOperationException($"'{name}' has no snapshot.");

    /// <summary>The application's services (its model, its eventing).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary><paramref name="task"/>, or a test failure naming <paramref name="what"/> after <see cref="Bound"/>.</summary>
    public static async Task<T> BoundedAsync<T>(Task<T> task, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(Bound)) != task)
        {
            Assert.Fail($"Waited {Bound.TotalSeconds} s for {what}.");
        }

        return await task;
    }

    /// <summary><paramref name="task"/>, or a test failure naming <paramref name="what"/> after <see cref="Bound"/>.</summary>
    public static async Task BoundedAsync(Task task, string what)
    {
        if (await Task.WhenAny(task, Task.Delay(Bound)) != task)
        {
            Assert.Fail($"Waited {Bound.TotalSeconds} s for {what}.");
        }

        await task;
    }

    /// <summary>The error property the integration puts on a resource (the coded diagnostic), if any.</summary>
    public static string? Error(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "applecontainer.error")?.Value as string;

    /// <summary>A snapshot property's value.</summary>
    public static object? Property(CustomResourceSnapshot snapshot, string name) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == name)?.Value;

    public async ValueTask DisposeAsync()
    {
        await Orchestrator.ShutdownAsync();
        await _app.DisposeAsync();
    }

    private static string Describe(CustomResourceSnapshot? snapshot) => snapshot is null
        ? "unpublished"
        : $"{snapshot.State?.Text} (exit {snapshot.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, error {Error(snapshot) ?? "none"})";

    /// <summary>The crash-cleanup guard's runtime provider: none, so the guard starts no watchdog and no sweep.</summary>
    private sealed class NoRuntime : IContainerRuntimeProvider
    {
        public Task<ActiveRuntime> GetRuntimeAsync(CancellationToken cancellationToken) =>
            Task.FromException<ActiveRuntime>(new BridgeException(BridgeErrorCode.RuntimeNotFound, "The tests' crash cleanup has no runtime."));
    }
}
