namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>One runtime <see cref="ContainerRuntimeSelector"/> knows: its name, CLI, platforms and factory.</summary>
/// <param name="Name">The runtime's name (<c>apple</c>, <c>podman</c>, <c>docker</c>).</param>
/// <param name="ExecutableName">The CLI's file name looked up on PATH.</param>
/// <param name="IsSupportedPlatform">Whether auto-selection considers it on this machine.</param>
/// <param name="Create">Creates the runtime for a CLI path, with the selection's options.</param>
internal sealed record RuntimeRegistration(string Name, string ExecutableName, Func<bool> IsSupportedPlatform, Func<string, RuntimeSelectionOptions, IContainerRuntime> Create);
