using Aspire.Hosting.AppleContainer.Bridge.Apple;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>How <see cref="ContainerRuntimeSelector"/> chooses a runtime.</summary>
internal sealed record RuntimeSelectionOptions
{
    /// <summary>The environment variable naming the runtime: <c>auto</c>, <c>apple</c>, <c>podman</c> or <c>docker</c>.</summary>
    public const string RuntimeVariable = "ASPIRE_APPLECONTAINER_RUNTIME";

    /// <summary>The environment variable giving the CLI's path.</summary>
    public const string ExecutablePathVariable = "ASPIRE_APPLECONTAINER_CLI";

    /// <summary>The setting capping Apple VM boots and stops in flight at once (a whole number of at least 1).</summary>
    public const string MaxConcurrentVmTransitionsVariable = "ASPIRE_APPLECONTAINER_MAX_VM_TRANSITIONS";

    /// <summary><c>auto</c> (or null), <c>apple</c>, <c>podman</c> or <c>docker</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>The CLI's path; looked up on PATH when null. With <c>auto</c>, its file name picks the runtime.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>
    /// The cap on concurrent VM boots and stops for runtimes whose containers are VMs (Apple's); the runtime's default
    /// (max(2, cores / 4)) when null.
    /// </summary>
    public int? MaxConcurrentVmTransitions { get; init; }

    /// <summary>
    /// Where the selected runtime logs its CLI calls at Debug, under <see cref="AppleContainerRuntime.LogCategory"/> or
    /// <see cref="OciContainerRuntime.LogCategory"/>; nowhere when null. The integration passes its host's.
    /// </summary>
    internal ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Reads the settings from environment variables (empty values count as unset).</summary>
    public static RuntimeSelectionOptions FromEnvironment() => FromSettings(Environment.GetEnvironmentVariable);

    /// <summary>
    /// Reads <see cref="RuntimeVariable"/>, <see cref="ExecutablePathVariable"/> and
    /// <see cref="MaxConcurrentVmTransitionsVariable"/> through <paramref name="lookup"/> (e.g. an AppHost's
    /// configuration, which includes the environment); empty values count as unset.
    /// </summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> when the VM cap is not a whole number of at least 1.</exception>
    public static RuntimeSelectionOptions FromSettings(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        int? cap = null;
        if (NullIfEmpty(lookup(MaxConcurrentVmTransitionsVariable)) is { } text)
        {
            cap = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= 1
                ? value
                : throw new BridgeException(BridgeErrorCode.InvalidSpec, $"{MaxConcurrentVmTransitionsVariable} must be a whole number of at least 1 (got '{text}').")
                {
                    Option = MaxConcurrentVmTransitionsVariable,
                };
        }

        return new RuntimeSelectionOptions
        {
            Runtime = NullIfEmpty(lookup(RuntimeVariable)),
            ExecutablePath = NullIfEmpty(lookup(ExecutablePathVariable)),
            MaxConcurrentVmTransitions = cap,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
