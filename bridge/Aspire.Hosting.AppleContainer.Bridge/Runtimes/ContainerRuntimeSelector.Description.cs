namespace Aspire.Hosting.AppleContainer.Bridge;

/// <content>Saying which runtime was chosen and why, for the AppHost's log.</content>
internal static partial class ContainerRuntimeSelector
{
    /// <summary>
    /// One sentence naming the runtime <paramref name="info"/> describes, its CLI and version, and the setting that chose
    /// it, e.g. <c>podman 4.3.1 (/usr/bin/podman), chosen by ASPIRE_APPLECONTAINER_RUNTIME=auto: the first of podman,
    /// docker that is installed and running</c>.
    /// </summary>
    public static string DescribeChoice(RuntimeSelectionOptions options, RuntimeInfo info) =>
        DescribeChoice(options, info, RuntimeRegistrations.Default);

    internal static string DescribeChoice(RuntimeSelectionOptions options, RuntimeInfo info, IReadOnlyList<RuntimeRegistration> registrations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(info);
        var version = info.Version is { } v ? $" {v}" : string.Empty;
        var requested = string.IsNullOrWhiteSpace(options.Runtime) ? "auto" : options.Runtime.Trim().ToLowerInvariant();
        var reason = (requested, options.ExecutablePath) switch
        {
            ("auto", { } cli) => $"by {RuntimeSelectionOptions.ExecutablePathVariable}={cli} (its file name names the runtime)",
            ("auto", null) => $"by {RuntimeSelectionOptions.RuntimeVariable}=auto: the first of {string.Join(", ", registrations.Where(r => r.IsSupportedPlatform()).Select(r => r.Name))} that is installed and running",
            _ => $"by {RuntimeSelectionOptions.RuntimeVariable}={requested}",
        };
        return $"{info.Name}{version} ({info.ExecutablePath}), chosen {reason}";
    }
}
