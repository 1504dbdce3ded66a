using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// The dashboard's start, stop and restart commands for a resource this integration runs (DCP adds its own only
/// to the resources it runs), with the enable/disable rules Aspire applies to its containers.
/// </summary>
internal static class LifecycleCommands
{
    private static readonly HashSet<string?> Busy = new(StringComparer.Ordinal)
    {
        KnownResourceStates.Starting, KnownResourceStates.Building, KnownResourceStates.RuntimeUnhealthy, null, string.Empty,
    };

    private static readonly HashSet<string?> NotRunning = new(StringComparer.Ordinal)
    {
        KnownResourceStates.Starting, KnownResourceStates.Waiting, KnownResourceStates.Building, KnownResourceStates.RuntimeUnhealthy,
        KnownResourceStates.NotStarted, KnownResourceStates.Stopping, null, string.Empty,
    };

    /// <summary>
    /// Adds the three commands to <paramref name="resource"/>, shown as Aspire shows them on its own containers
    /// (<c>CommandsConfigurationExtensions.AddLifeCycleCommands</c>): start and stop highlighted (inline buttons) with
    /// filled icons, restart in the menu with a regular one; the same names, descriptions, icons and result messages.
    /// </summary>
    public static void Add(ContainerResource resource, ContainerOrchestrator orchestrator)
    {
        resource.Annotations.Add(Command(
            KnownResourceCommands.StartCommand, new("Start", "Start resource", "Play", IconVariant.Filled, true, "Successfully started '{0}'."),
            StartState, (runner, ct) => runner.StartOrStopWaitingAsync(ct), orchestrator));
        resource.Annotations.Add(Command(
            KnownResourceCommands.StopCommand, new("Stop", "Stop resource", "Stop", IconVariant.Filled, true, "Successfully stopped '{0}'."),
            StopState, (runner, ct) => runner.StopAsync(ct), orchestrator));
        resource.Annotations.Add(Command(
            KnownResourceCommands.RestartCommand, new("Restart", "Restart resource", "ArrowCounterclockwise", IconVariant.Regular, false, "Successfully restarted '{0}'."),
            RestartState, (runner, ct) => runner.RestartAsync(ct), orchestrator));
    }

    /// <summary>Start: enabled when stopped, not started or waiting; disabled while busy; hidden when running.</summary>
    public static ResourceCommandState StartState(string? state) =>
        IsStopped(state) || state == KnownResourceStates.NotStarted || state == "Unknown" || state == KnownResourceStates.Waiting ? ResourceCommandState.Enabled
        : Busy.Contains(state) ? ResourceCommandState.Disabled
        : ResourceCommandState.Hidden;

    /// <summary>Stop: disabled while stopping; hidden when stopped or not yet running; enabled otherwise.</summary>
    public static ResourceCommandState StopState(string? state) =>
        state == KnownResourceStates.Stopping ? ResourceCommandState.Disabled
        : IsStopped(state) || NotRunning.Contains(state) ? ResourceCommandState.Hidden
        : ResourceCommandState.Enabled;

    /// <summary>Restart: disabled when stopped or not yet running; enabled otherwise.</summary>
    public static ResourceCommandState RestartState(string? state) =>
        IsStopped(state) || NotRunning.Contains(state) ? ResourceCommandState.Disabled : ResourceCommandState.Enabled;

    private static bool IsStopped(string? state) => state is not null && KnownResourceStates.TerminalStates.Contains(state);

    private static ResourceCommandAnnotation Command(
        string name, Look look, Func<string?, ResourceCommandState> updateState,
        Func<ResourceRunner, CancellationToken, Task> execute, ContainerOrchestrator orchestrator) => new(
            name,
            look.DisplayName,
            context => updateState(context.ResourceSnapshot.State?.Text),
            async context =>
            {
                if (orchestrator.GetRunner(context.ResourceName) is not { } runner)
                {
                    return CommandResults.Failure($"'{context.ResourceName}' is not run by this integration.");
                }

                try
                {
                    await execute(runner, context.CancellationToken).ConfigureAwait(false);
                    return CommandResults.Success(string.Format(CultureInfo.InvariantCulture, look.SuccessMessage, context.ResourceName));
                }
                catch (BridgeException ex)
                {
                    return CommandResults.Failure(DiagnosticCatalog.Describe(ex).ToString());
                }
            },
            displayDescription: look.Description,
            parameter: null,
            confirmationMessage: null,
            iconName: look.Icon,
            iconVariant: look.IconVariant,
            isHighlighted: look.IsHighlighted);

    /// <summary>How the dashboard shows a command, and the message of its success ({0}: the resource's name).</summary>
    private sealed record Look(string DisplayName, string Description, string Icon, IconVariant IconVariant, bool IsHighlighted, string SuccessMessage);
}
