using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Watchdog;

/// <summary>Removes every session container of one AppHost session, in parallel, then its session network, retrying once.</summary>
internal static class SessionCleanup
{
    // Kept in step with Aspire.Hosting.AppleContainer's ContainerLabels.
    private const string Managed = "io.aspire.applecontainer.managed";
    private const string Session = "io.aspire.applecontainer.session";
    private const string Lifetime = "io.aspire.applecontainer.lifetime";

    /// <summary>Removes the containers; returns the process exit code (0 when none is left).</summary>
    public static async Task<int> RemoveSessionContainersAsync(WatchdogArguments options, CancellationToken cancellationToken)
    {
        var selection = new RuntimeSelectionOptions { Runtime = options.Runtime, ExecutablePath = options.CliPath };
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Managed] = "true",
            [Session] = options.SessionId,
            [Lifetime] = "session",
        };

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var runtime = await ContainerRuntimeSelector.SelectAsync(selection, cancellationToken);
                var containers = await runtime.ListContainersAsync(labels, cancellationToken);
                await Task.WhenAll(containers.Select(c => RemoveAsync(runtime, c.Id, cancellationToken)));
                await RemoveNetworksAsync(runtime, labels, cancellationToken);
                return 0;
            }
            catch (BridgeException ex) when (attempt < 2)
            {
                Console.Error.WriteLine($"watchdog: {ex.Code}: {ex.Message}; retrying.");
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
            catch (BridgeException ex)
            {
                Console.Error.WriteLine($"watchdog: {ex.Code}: {ex.Message}");
                return 1;
            }
        }
    }

    /// <summary>The session's network, once its containers are gone; a failure here leaves it to the next run's sweep.</summary>
    private static async Task RemoveNetworksAsync(IContainerRuntime runtime, Dictionary<string, string> labels, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var network in await runtime.ListNetworksAsync(labels, cancellationToken))
            {
                await runtime.RemoveNetworkAsync(network.Name, cancellationToken);
            }
        }
        catch (BridgeException ex)
        {
            Console.Error.WriteLine($"watchdog: {ex.Code}: {ex.Message} (network left to the next sweep)");
        }
    }

    private static async Task RemoveAsync(IContainerRuntime runtime, string id, CancellationToken cancellationToken)
    {
        try
        {
            await runtime.RemoveContainerAsync(id, force: true, cancellationToken: cancellationToken);
        }
        catch (BridgeException ex) when (ex.Code == BridgeErrorCode.ContainerNotFound)
        {
        }
    }
}
