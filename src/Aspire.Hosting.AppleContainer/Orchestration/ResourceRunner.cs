using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Cli;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.AppleContainer.Cleanup;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Runs one container resource through the bridge: waits for its dependencies, ensures the image,
/// creates (or reuses) and starts the container, publishes its snapshots, streams its logs and watches its exit.
/// Start, stop and restart are serialised; a failure ends as FailedToStart on this resource only.
/// </summary>
internal sealed partial class ResourceRunner
{
    private static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);

    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly CancellationTokenSource _shutdown = new();
    private readonly IContainerRuntimeProvider _runtimes;
    private readonly SessionGuard _guard;
    private readonly RunSpecFactory _specs;
    private readonly EarlyImageChecks _images;
    private readonly ResourceNotificationService _notifications;
    private readonly IDistributedApplicationEventing _eventing;
    private readonly IServiceProvider _services;
    private readonly ILogger _logger;
    private bool _endpointsAnnounced;
    private bool _connectionStringAnnounced;
    private volatile bool _waiting;
    private bool _startedBefore;
    private bool _startRequested;
    private IContainerRuntime? _runtime;
    private string? _containerId;
    private RunSpec? _spec;

    /// <summary>Creates the runner of <paramref name="resource"/>.</summary>
    public ResourceRunner(
        ContainerResource resource,
        IContainerRuntimeProvider runtimes,
        SessionGuard guard,
        RunSpecFactory specs,
        EarlyImageChecks images,
        ResourceNotificationService notifications,
        ResourceLoggerService loggers,
        IDistributedApplicationEventing eventing,
        IServiceProvider services)
    {
        Resource = resource;
        _runtimes = runtimes;
        _guard = guard;
        _specs = specs;
        _images = images;
        _notifications = notifications;
        _eventing = eventing;
        _services = services;
        _logger = loggers.GetLogger(resource);
    }

    /// <summary>The resource.</summary>
    public ContainerResource Resource { get; }

    /// <summary>Whether the container outlives the AppHost.</summary>
    public bool IsPersistent => RunSpecFactory.IsPersistent(Resource);

    /// <summary>
    /// The start that comes with the AppHost: a resource marked <c>WithExplicitStart()</c> is not started but shown
    /// NotStarted until the start command starts it, as DCP creates it with <c>Spec.Start = false</c> and publishes
    /// NotStarted (DcpExecutor, ContainerCreator); its WaitFor dependencies are waited for only then. Everything else starts.
    /// </summary>
    public Task StartWithAppHostAsync(CancellationToken cancellationToken) => Resource.HasAnnotationOfType<ExplicitStartupAnnotation>()
        ? RunExclusiveAsync(ShowNotStartedAsync, cancellationToken)
        : StartAsync(cancellationToken);

    /// <summary>Starts the resource (after its WaitFor dependencies); a running container is left as is.</summary>
    public Task StartAsync(CancellationToken cancellationToken) => RunExclusiveAsync(StartCoreAsync, cancellationToken);

    /// <summary>
    /// The start command: while the resource waits for its dependencies it starts now (publishing Starting ends
    /// Aspire's wait, as for its own resources); otherwise a normal start.
    /// </summary>
    public async Task StartOrStopWaitingAsync(CancellationToken cancellationToken)
    {
        if (_waiting)
        {
            await _notifications.PublishUpdateAsync(Resource, s => s with { State = KnownResourceStates.Starting }).ConfigureAwait(false);
            return;
        }

        await StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the container (it stays, so its logs and exit remain visible until the next start).</summary>
    public Task StopAsync(CancellationToken cancellationToken) => RunExclusiveAsync(StopCoreAsync, cancellationToken);

    /// <summary>Stops, then starts with a freshly resolved configuration.</summary>
    public Task RestartAsync(CancellationToken cancellationToken) => RunExclusiveAsync(
        async ct =>
        {
            await StopCoreAsync(ct).ConfigureAwait(false);
            await StartCoreAsync(ct).ConfigureAwait(false);
        },
        cancellationToken);

    /// <summary>
    /// Runs a start, stop or restart alone. It is canceled by its caller or by <see cref="ShutdownAsync"/>: a command
    /// stuck on the runtime must not hold shutdown (and with it the removal of this session's containers) back.
    /// </summary>
    private async Task RunExclusiveAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _shutdown.Token);
        await _lifecycle.WaitAsync(linked.Token).ConfigureAwait(false);
        try
        {
            await operation(linked.Token).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>An explicit-start resource before its first start: endpoints announced (so its URLs show), NotStarted, no runtime call.</summary>
    private async Task ShowNotStartedAsync(CancellationToken cancellationToken)
    {
        if (_startRequested)
        {
            return; // The start command came first.
        }

        await AnnounceEndpointsAsync(cancellationToken).ConfigureAwait(false);
        await PublishAsync(ResourceSnapshots.NotStarted).ConfigureAwait(false);
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        _startRequested = true;
        if (_monitor is { IsCompleted: false })
        {
            return;
        }

        // A start (not only the create, which the bridge redacts) can fail with the runtime echoing a secret argument.
        IReadOnlyCollection<string> secrets = [];
        try
        {
            // Endpoints first: Aspire publishes the URLs (inactive until Running) on ResourceEndpointsAllocatedEvent, and DCP
            // raises it for every resource before any waits (DcpExecutor, "Allocate every endpoint ... before publishing"),
            // so a resource's URLs show while it waits for its dependencies.
            await AnnounceEndpointsAsync(cancellationToken).ConfigureAwait(false);
            await WaitForDependenciesAsync(cancellationToken).ConfigureAwait(false);

            await PublishAsync(s => ResourceSnapshots.Starting(s, RunSpecFactory.GetImage(Resource))).ConfigureAwait(false);
            var active = await _runtimes.GetRuntimeAsync(cancellationToken).ConfigureAwait(false);
            _runtime = active.Runtime;

            // Crash cleanup (sweep + watchdog) before the first container exists, also when the runtime only became
            // usable after the AppHost started and this start comes from a command.
            await _guard.EnsureStartedAsync(cancellationToken).ConfigureAwait(false);
            var spec = await _specs.CreateAsync(Resource, _logger, cancellationToken).ConfigureAwait(false);
            secrets = CliArgvRedaction.SecretsOf(spec);
            var imageId = await EnsureImageAsync(active.Runtime, spec, firstStart: !_startedBefore, cancellationToken).ConfigureAwait(false);
            _startedBefore = true;
            if (IsPersistent)
            {
                spec = ConfigurationHash.Stamp(spec, imageId!);
            }

            await EnsureVolumesAsync(active.Runtime, spec, cancellationToken).ConfigureAwait(false);
            var (id, started) = await CreateOrReuseAsync(active.Runtime, spec, cancellationToken).ConfigureAwait(false);
            (_containerId, _spec) = (id, spec);
            started ??= await active.Runtime.StartContainerAsync(id, cancellationToken).ConfigureAwait(false);

            // Running with what the start reported (address, timestamps); Running first, then the monitor: a container
            // that already exited is reported Exited after Running.
            await PublishAsync(s => ResourceSnapshots.Inspected(ResourceSnapshots.Running(s, spec, id, active.Runtime.Name, IsPersistent), started)).ConfigureAwait(false);
            StartMonitor(active.Runtime, id);
            await AnnounceConnectionStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex)
        {
            var diagnostic = CliArgvRedaction.RedactText(DiagnosticCatalog.Describe(ex).ToString(), secrets);
            _logger.LogError("{Diagnostic}", diagnostic);
            await PublishAsync(s => ResourceSnapshots.FailedToStart(s, diagnostic)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var message = CliArgvRedaction.RedactText(ex.Message, secrets);
            _logger.LogError(secrets.Count == 0 ? ex : null, "The container of '{Resource}' could not be started: {Message}", Resource.Name, message);
            await PublishAsync(s => ResourceSnapshots.FailedToStart(s, message)).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes ResourceEndpointsAllocatedEvent once.</summary>
    private async Task AnnounceEndpointsAsync(CancellationToken cancellationToken)
    {
        if (!_endpointsAnnounced)
        {
            _endpointsAnnounced = true;
            await _eventing.PublishAsync(new ResourceEndpointsAllocatedEvent(Resource, _services), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Publishes BeforeResourceStartedEvent, in which Aspire waits for the resource's WaitFor dependencies.</summary>
    private async Task WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        _waiting = true;
        try
        {
            await _eventing.PublishAsync(new BeforeResourceStartedEvent(Resource, _services), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _waiting = false;
        }
    }

    /// <summary>
    /// Stops the container and waits until the monitor has shown it exited. When the monitor already showed the exit
    /// (it is only announcing it), there is nothing to stop. When the runtime cannot stop it (for example, the runtime
    /// itself stopped), the resource stops being watched and shows as exited with the coded diagnostic, rather than
    /// staying in Stopping; a restart then goes on to start it again.
    /// </summary>
    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        if (_runtime is not { } runtime || _containerId is not { } id || _monitor is not { IsCompleted: false } monitor)
        {
            return;
        }

        if (!_exitPublished)
        {
            // Decided inside the update: the monitor may publish the container's own exit between the check above and
            // this update, and Stopping must not cover an exit already shown.
            await PublishAsync(s => KnownResourceStates.TerminalStates.Contains(s.State?.Text) ? s : s with { State = KnownResourceStates.Stopping }).ConfigureAwait(false);
            try
            {
                await runtime.StopContainerAsync(id, StopGracePeriod, cancellationToken).ConfigureAwait(false);
            }
            catch (BridgeException ex) when (!cancellationToken.IsCancellationRequested)
            {
                var diagnostic = DiagnosticCatalog.Describe(ex).ToString();
                _logger.LogError("{Diagnostic}", diagnostic);
                await _monitorCancellation!.CancelAsync().ConfigureAwait(false);
                await monitor.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!_exitPublished)
                {
                    await PublishExitAsync(new ContainerExit(null), diagnostic).ConfigureAwait(false);
                }

                return;
            }
        }

        await monitor.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
