namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>How <see cref="ContainerRuntimeSelector"/> chooses a runtime.</summary>
public sealed record RuntimeSelectionOptions
{
    /// <summary>The environment variable naming the runtime: <c>auto</c>, <c>apple</c>, <c>podman</c> or <c>docker</c>.</summary>
    public const string RuntimeVariable = "ASPIRE_APPLECONTAINER_RUNTIME";

    /// <summary>The environment variable giving the CLI's path.</summary>
    public const string ExecutablePathVariable = "ASPIRE_APPLECONTAINER_CLI";

    /// <summary><c>auto</c> (or null), <c>apple</c>, <c>podman</c> or <c>docker</c>.</summary>
    public string? Runtime { get; init; }

    /// <summary>The CLI's path; looked up on PATH when null. With <c>auto</c>, its file name picks the runtime.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Reads <see cref="RuntimeVariable"/> and <see cref="ExecutablePathVariable"/> (empty values count as unset).</summary>
    public static RuntimeSelectionOptions FromEnvironment() => new()
    {
        Runtime = NullIfEmpty(Environment.GetEnvironmentVariable(RuntimeVariable)),
        ExecutablePath = NullIfEmpty(Environment.GetEnvironmentVariable(ExecutablePathVariable)),
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
