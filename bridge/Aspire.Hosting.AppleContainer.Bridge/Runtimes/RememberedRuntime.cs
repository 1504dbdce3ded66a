namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// A runtime <see cref="ContainerRuntimeSelector"/> chose, and what the choice was made from, so that a later process
/// (the next build) can recreate it with <see cref="ContainerRuntimeSelector.Recall(RememberedRuntime, RuntimeSelectionOptions)"/> instead of asking every CLI again.
/// </summary>
/// <param name="Name">The runtime's name (<c>apple</c>, <c>podman</c>, <c>docker</c>).</param>
/// <param name="ExecutablePath">The CLI the runtime was created for.</param>
/// <param name="Inputs">The selection's inputs when it chose (<see cref="ContainerRuntimeSelector.DescribeInputs(RuntimeSelectionOptions)"/>).</param>
internal sealed record RememberedRuntime(string Name, string ExecutablePath, string Inputs);
