using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Orchestration;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Cleanup;

/// <summary>
/// Removes session containers, then session networks, left behind by AppHosts that are no longer running (crashed, or
/// killed before their watchdog could act). Containers and networks of live AppHosts and persistent ones are never touched.
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
        await SweepNetworksAsync(runtime, labels, currentSessionId, logger, cancellationToken).ConfigureAwait(false);
        return orphans.Count;
    }

    private static async Task SweepNetworksAsync(IContainerRuntime runtime, Dictionary<string, string> labels, string currentSessionId, ILogger logger, CancellationToken cancellationToken)
    {
        IReadOnlyList<NetworkInfo> networks;
        try
        {
            networks = await runtime.ListNetworksAsync(labels, cancellationToken).ConfigureAwait(false);
        }
        catch (BridgeException ex)
        {
            logger.LogDebug("Session networks were not swept: {Message}", ex.Message);
            return;
        }

        foreach (var orphan in networks
            .Where(n => n.Labels.GetValueOrDefault(ContainerLabels.Session) != currentSessionId)
            .Where(n => !AppHostSession.IsOwnerAlive(n.Labels.GetValueOrDefault(ContainerLabels.Owner) ?? string.Empty)))
        {
            try
            {
                await runtime.RemoveNetworkAsync(orphan.Name, cancellationToken).ConfigureAwait(false);
                logger.LogInformation("Removed network {Network} left behind by an AppHost that is no longer running.", orphan.Name);
            }
            catch (BridgeException ex) when (ex.Code is BridgeErrorCode.NetworkNotFound or BridgeErrorCode.NetworkInUse)
            {
            }
        }
    }
}
