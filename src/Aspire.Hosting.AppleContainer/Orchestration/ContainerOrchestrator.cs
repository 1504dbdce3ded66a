using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Cleanup;
using Aspire.Hosting.AppleContainer.Networking;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Eventing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Owns the <see cref="ResourceRunner"/> of every container resource the integration runs in run mode, starts them in the
/// background as Aspire initialises them, serves their dashboard commands and removes session containers on
/// shutdown, in parallel.
/// </summary>
internal sealed class ContainerOrchestrator
{
    private readonly ConcurrentDictionary<string, ResourceRunner> _runners = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<Task> _starts = [];
    private readonly IContainerRuntimeProvider _runtimes;
    private readonly RunSpecFactory _specs;
    private readonly HostGateway _gateway;
    private readonly SessionNetwork? _network;
    private readonly SessionGuard _guard;
    private readonly EarlyImageChecks _images = new();
    private readonly ILogger<ContainerOrchestrator> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _shutdownLock = new();
    private Task? _shutdown;

    /// <summary>Creates the orchestrator.</summary>
    public ContainerOrchestrator(
        IContainerRuntimeProvider runtimes,
        DistributedApplicationExecutionContext executionContext,
        AppHostSession session,
        HostGateway gateway,
        ContainerNetworkAllocator network,
        SessionGuard guard,
        ILogger<ContainerOrchestrator> logger)
    {
        _runtimes = runtimes;
        _specs = new RunSpecFactory(executionContext, session, network);
        _gateway = gateway;
        _network = network.Network;
        _guard = guard;
        _logger = logger;
    }

    /// <summary>Cancelled when the application starts stopping.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>
    /// Selects the runtime, checks the resources' images and sets up crash cleanup in the background while Aspire starts
    /// the rest of the application, so the first container starts do not wait for them. A failure is left to the resources, which report it.
    /// </summary>
    public void Prepare(IReadOnlyList<ContainerResource> resources) => _starts.Add(Task.Run(async () =>
    {
        try
        {
            var active = await _runtimes.GetRuntimeAsync(_stopping.Token).ConfigureAwait(false);
            var pulled = resources.Where(r => !r.HasAnnotationOfType<DockerfileBuildAnnotation>()).Select(RunSpecFactory.GetImage).ToList();
            _images.Start(active.Runtime, pulled, _stopping.Token);
            await _guard.EnsureStartedAsync(_stopping.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is BridgeException or OperationCanceledException)
        {
            _logger.LogDebug("Preparing the container runtime failed; each resource reports it when it starts: {Message}", ex.Message);
        }
    }));

    /// <summary>
    /// Starts <paramref name="resource"/> in the background (Aspire raises InitializeResourceEvent once per resource),
    /// or shows it NotStarted when it waits for the start command (see <see cref="ResourceRunner.StartWithAppHostAsync"/>).
    /// </summary>
    public void Initialize(ContainerResource resource, InitializeResourceEvent e)
    {
        var runner = _runners.GetOrAdd(resource.Name, _ => new ResourceRunner(
            resource, _runtimes, _guard, _specs, _images, e.Notifications, e.Services.GetRequiredService<ResourceLoggerService>(), e.Eventing, e.Services));
        _starts.Add(Task.Run(() => runner.StartWithAppHostAsync(_stopping.Token)));
    }

    /// <summary>The runner of a resource, by resource name.</summary>
    public ResourceRunner? GetRunner(string resourceName) => _runners.GetValueOrDefault(resourceName);

    /// <summary>Stops watching and removes every session container, in parallel; persistent ones keep running. Idempotent.</summary>
    public Task ShutdownAsync()
    {
        lock (_shutdownLock)
        {
            return _shutdown ??= ShutdownCoreAsync();
        }
    }

    private async Task ShutdownCoreAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_starts).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogDebug("A start was interrupted by shutdown: {Message}", ex.Message);
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await Task.WhenAll(_runners.Values.Select(runner => runner.ShutdownAsync(limit.Token))).ConfigureAwait(false);
        if (_network is not null)
        {
            await _network.RemoveAsync(limit.Token).ConfigureAwait(false);
        }

        await _gateway.DisposeAsync().ConfigureAwait(false);
        await _guard.DisposeAsync().ConfigureAwait(false);
    }
}
