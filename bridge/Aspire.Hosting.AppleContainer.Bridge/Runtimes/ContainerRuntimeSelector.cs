namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// Chooses the container runtime. <c>auto</c>: the first registered runtime (Apple's <c>container</c> on macOS, then
/// podman, then docker) that is installed and running; an explicit name selects that runtime and fails if it is not
/// usable. Failures are <see cref="BridgeErrorCode.RuntimeNotFound"/> or the runtime's own detection problem.
/// </summary>
internal static partial class ContainerRuntimeSelector
{
    /// <summary>Selects a usable runtime according to <paramref name="options"/>.</summary>
    public static Task<IContainerRuntime> SelectAsync(RuntimeSelectionOptions options, CancellationToken cancellationToken = default) =>
        SelectAsync(options, RuntimeRegistrations.Default, ExecutableLocator.FromEnvironment(), cancellationToken);

    internal static async Task<IContainerRuntime> SelectAsync(
        RuntimeSelectionOptions options,
        IReadOnlyList<RuntimeRegistration> registrations,
        ExecutableLocator locator,
        CancellationToken cancellationToken) =>
        (await SelectCoreAsync(options, registrations, locator, cancellationToken).ConfigureAwait(false)).Runtime;

    private static async Task<(IContainerRuntime Runtime, RuntimeInfo Info, RuntimeRegistration Registration, string Path)> SelectCoreAsync(
        RuntimeSelectionOptions options,
        IReadOnlyList<RuntimeRegistration> registrations,
        ExecutableLocator locator,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requested = string.IsNullOrWhiteSpace(options.Runtime) ? "auto" : options.Runtime.Trim().ToLowerInvariant();
        if (requested != "auto")
        {
            var registration = registrations.FirstOrDefault(r => r.Name == requested) ?? throw UnknownRuntime(requested, registrations);
            var path = ResolvePath(registration, options.ExecutablePath, locator);
            var (runtime, info) = await DetectOrThrowAsync(registration, path, options, cancellationToken).ConfigureAwait(false);
            return (runtime, info, registration, path);
        }

        if (options.ExecutablePath is { } explicitPath)
        {
            var byFileName = registrations.FirstOrDefault(r => string.Equals(Path.GetFileNameWithoutExtension(explicitPath), r.ExecutableName, StringComparison.OrdinalIgnoreCase))
                ?? throw new BridgeException(BridgeErrorCode.RuntimeNotFound, $"Cannot tell which runtime '{explicitPath}' is.")
                {
                    Hint = $"Also set {RuntimeSelectionOptions.RuntimeVariable} to one of: {string.Join(", ", registrations.Select(r => r.Name))}.",
                };
            var path = ResolvePath(byFileName, explicitPath, locator);
            var (runtime, info) = await DetectOrThrowAsync(byFileName, path, options, cancellationToken).ConfigureAwait(false);
            return (runtime, info, byFileName, path);
        }

        BridgeException? firstProblem = null;
        var lookedFor = new List<string>();
        foreach (var registration in registrations.Where(r => r.IsSupportedPlatform()))
        {
            lookedFor.Add(registration.ExecutableName);
            if (locator.Find(registration.ExecutableName) is not { } path)
            {
                continue;
            }

            var runtime = registration.Create(path, options);
            var info = await runtime.DetectAsync(cancellationToken).ConfigureAwait(false);
            if (info.Problem is null && info.IsRunning)
            {
                return (runtime, info, registration, path);
            }

            firstProblem ??= info.Problem ?? new BridgeException(BridgeErrorCode.RuntimeNotRunning, $"{registration.Name} is installed but not running.") { Runtime = registration.Name };
        }

        throw firstProblem ?? new BridgeException(BridgeErrorCode.RuntimeNotFound, "No container runtime was found on PATH.")
        {
            Hint = $"Install one of {string.Join(", ", lookedFor)} (looked for on PATH), or set {RuntimeSelectionOptions.ExecutablePathVariable}.",
        };
    }

    private static string ResolvePath(RuntimeRegistration registration, string? explicitPath, ExecutableLocator locator)
    {
        if (explicitPath is not null)
        {
            return ExecutableLocator.IsExecutableFile(explicitPath)
                ? explicitPath
                : throw new BridgeException(BridgeErrorCode.RuntimeNotFound, $"The {registration.Name} CLI '{explicitPath}' does not exist or is not executable.")
                {
                    Runtime = registration.Name,
                    Hint = $"Fix {RuntimeSelectionOptions.ExecutablePathVariable}.",
                };
        }

        return locator.Find(registration.ExecutableName)
            ?? throw new BridgeException(BridgeErrorCode.RuntimeNotFound, $"'{registration.ExecutableName}' was not found on PATH.")
            {
                Runtime = registration.Name,
                Hint = $"Install {registration.Name}, or set {RuntimeSelectionOptions.ExecutablePathVariable} to its CLI.",
            };
    }

    private static async Task<(IContainerRuntime Runtime, RuntimeInfo Info)> DetectOrThrowAsync(RuntimeRegistration registration, string path, RuntimeSelectionOptions options, CancellationToken cancellationToken)
    {
        var runtime = registration.Create(path, options);
        var info = await runtime.DetectAsync(cancellationToken).ConfigureAwait(false);
        return info.Problem is { } problem ? throw problem : (runtime, info);
    }

    private static BridgeException UnknownRuntime(string requested, IReadOnlyList<RuntimeRegistration> registrations) =>
        new(BridgeErrorCode.RuntimeNotFound, $"Unknown or unavailable container runtime '{requested}'.")
        {
            Hint = $"Set {RuntimeSelectionOptions.RuntimeVariable} to auto or one of: {string.Join(", ", registrations.Select(r => r.Name))}.",
        };
}
