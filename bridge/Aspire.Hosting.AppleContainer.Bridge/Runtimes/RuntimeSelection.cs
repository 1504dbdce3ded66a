namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The outcome of <see cref="ContainerRuntimeSelector.SelectRememberingAsync(RuntimeSelectionOptions, CancellationToken)"/>.</summary>
/// <param name="Runtime">The selected, usable runtime.</param>
/// <param name="Memory">What to keep so that a later process can <see cref="ContainerRuntimeSelector.Recall(RememberedRuntime, RuntimeSelectionOptions)"/> it.</param>
internal sealed record RuntimeSelection(IContainerRuntime Runtime, RememberedRuntime Memory)
{
    /// <summary>What the selected runtime's detection reported, so callers need not detect again.</summary>
    public RuntimeInfo? Info { get; init; }
}
