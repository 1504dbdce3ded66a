using System.Globalization;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <content>
/// Remembering a selection: detection runs a CLI process per candidate, while the inputs it chose from
/// (the settings and which CLIs PATH holds) can be compared without starting any process.
/// </content>
internal static partial class ContainerRuntimeSelector
{
    /// <summary>Selects like <see cref="SelectAsync(RuntimeSelectionOptions, CancellationToken)"/>, and returns what to remember of the choice.</summary>
    /// <param name="options">The selection's settings.</param>
    /// <param name="cancellationToken">Cancels detection.</param>
    public static Task<RuntimeSelection> SelectRememberingAsync(RuntimeSelectionOptions options, CancellationToken cancellationToken = default) =>
        SelectRememberingAsync(options, RuntimeRegistrations.Default, ExecutableLocator.FromEnvironment(), cancellationToken);

    /// <summary>
    /// Everything a selection with <paramref name="options"/> depends on apart from the runtimes' own answers: the
    /// requested runtime, the explicit CLI, the VM cap, and each known CLI that PATH finds, with its size and time
    /// (so an upgrade counts as a change). Runs no process.
    /// </summary>
    /// <param name="options">The selection's settings.</param>
    public static string DescribeInputs(RuntimeSelectionOptions options) =>
        DescribeInputs(options, RuntimeRegistrations.Default, ExecutableLocator.FromEnvironment());

    /// <summary>
    /// Recreates a remembered runtime without running its CLI, when <paramref name="options"/> and PATH still give the
    /// inputs it was chosen from and its CLI is still executable; otherwise null (select again). Detection is skipped,
    /// so the first call to the runtime is also the test that it still runs (a stopped one fails as
    /// <see cref="BridgeErrorCode.RuntimeNotRunning"/> or <see cref="BridgeErrorCode.RuntimeNotFound"/>), and what
    /// detection would refine (e.g. podman's exec cancellation through a remote service) keeps its default.
    /// </summary>
    /// <param name="memory">What <see cref="SelectRememberingAsync(RuntimeSelectionOptions, CancellationToken)"/> returned earlier.</param>
    /// <param name="options">The selection's settings now.</param>
    public static IContainerRuntime? Recall(RememberedRuntime memory, RuntimeSelectionOptions options) =>
        Recall(memory, options, RuntimeRegistrations.Default, ExecutableLocator.FromEnvironment());

    internal static async Task<RuntimeSelection> SelectRememberingAsync(
        RuntimeSelectionOptions options,
        IReadOnlyList<RuntimeRegistration> registrations,
        ExecutableLocator locator,
        CancellationToken cancellationToken)
    {
        var inputs = DescribeInputs(options, registrations, locator);
        var (runtime, info, registration, path) = await SelectCoreAsync(options, registrations, locator, cancellationToken).ConfigureAwait(false);
        return new RuntimeSelection(runtime, new RememberedRuntime(registration.Name, path, inputs)) { Info = info };
    }

    internal static string DescribeInputs(RuntimeSelectionOptions options, IReadOnlyList<RuntimeRegistration> registrations, ExecutableLocator locator)
    {
        ArgumentNullException.ThrowIfNull(options);
        var lines = new List<string>
        {
            "runtime=" + (string.IsNullOrWhiteSpace(options.Runtime) ? "auto" : options.Runtime.Trim().ToLowerInvariant()),
            "cli=" + DescribeFile(options.ExecutablePath),
            "vm-transitions=" + options.MaxConcurrentVmTransitions?.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var registration in registrations)
        {
            var considered = registration.IsSupportedPlatform() ? "auto" : "explicit";
            lines.Add($"{registration.Name}({considered})={DescribeFile(locator.Find(registration.ExecutableName))}");
        }

        return string.Join('\n', lines);
    }

    internal static IContainerRuntime? Recall(RememberedRuntime memory, RuntimeSelectionOptions options, IReadOnlyList<RuntimeRegistration> registrations, ExecutableLocator locator)
    {
        ArgumentNullException.ThrowIfNull(memory);
        if (!string.Equals(memory.Inputs, DescribeInputs(options, registrations, locator), StringComparison.Ordinal)
            || registrations.FirstOrDefault(r => r.Name == memory.Name) is not { } registration
            || !ExecutableLocator.IsExecutableFile(memory.ExecutablePath))
        {
            return null;
        }

        return registration.Create(memory.ExecutablePath, options);
    }

    /// <summary>The path, and the size and time of the file it leads to (through symbolic links); empty for none.</summary>
    private static string DescribeFile(string? path)
    {
        if (path is null)
        {
            return string.Empty;
        }

        try
        {
            FileSystemInfo file = new FileInfo(path);
            file = file.ResolveLinkTarget(returnFinalTarget: true) ?? file;
            return file is FileInfo { Exists: true } target
                ? string.Create(CultureInfo.InvariantCulture, $"{path} ({target.Length} bytes, {target.LastWriteTimeUtc.Ticks})")
                : path + " (missing)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return path + " (unreadable)";
        }
    }
}
