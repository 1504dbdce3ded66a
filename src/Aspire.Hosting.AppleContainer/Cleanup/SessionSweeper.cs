using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Removes session containers left behind by AppHosts that are no longer running (crashed, or killed before their
/// watchdog could act). Containers of live AppHosts and persistent containers are never touched.
/// </summary>
internal static class SessionSweeper
{
    /// <summary>Removes the orphaned session containers; returns how many were removed.</summary>
    public static async Task<int> SweepAsync(IContainerRuntime runtime, string currentSessionId, ILogger logger, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ContainerLabels.Managed] = "true",
            [ContainerLabels.Lifetime] = ContainerLabels.SessionLifetime,
        };
        var orphans = (await runtime.ListContainersAsync(labels, cancellationToken).ConfigureAwait(false))
            .Where(c => c.Labels.GetValueOrDefault(ContainerLabels.Session) != currentSessionId)
            .Where(c => !AppHostSession.IsOwnerAlive(c.Labels.GetValueOrDefault(ContainerLabels.Owner) ?? string.Empty))
            .ToList();
        await Task.WhenAll(orphans.Select(async orphan =>
        {
            try
            {
                await runtime.RemoveContainerAsync(orphan.Id, force: true, cancellationToken: cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Removed container {Container} left behind by an AppHost that is no longer running.", orphan.Name);
            }
            catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
            {
            }
        })).ConfigureAwait(false);
        return orphans.Count;
    }
}
