using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Removes session containers when the AppHost stops: the removal starts as soon as
/// <see cref="IHostApplicationLifetime.ApplicationStopping"/> fires, and host shutdown waits for it here.
/// </summary>
internal sealed class OrchestratorShutdownService(ContainerOrchestrator orchestrator, IHostApplicationLifetime lifetime) : IHostedService
{
    private CancellationTokenRegistration _registration;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _registration = lifetime.ApplicationStopping.Register(() => _ = orchestrator.ShutdownAsync());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _registration.DisposeAsync().ConfigureAwait(false);
        await orchestrator.ShutdownAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
