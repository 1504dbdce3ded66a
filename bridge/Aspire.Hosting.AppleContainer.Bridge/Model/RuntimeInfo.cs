namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The result of detecting a runtime.</summary>
internal sealed record RuntimeInfo
{
    /// <summary>The runtime's name: <c>apple</c>, <c>podman</c> or <c>docker</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The CLI's full path, or null when it was not found.</summary>
    public string? ExecutablePath { get; init; }

    /// <summary>Whether the CLI was found.</summary>
    public bool IsInstalled => ExecutablePath is not null;

    /// <summary>Whether its daemon/service answers.</summary>
    public required bool IsRunning { get; init; }

    /// <summary>The CLI version, when it could be read.</summary>
    public Version? Version { get; init; }

    /// <summary>The runtime's capabilities.</summary>
    public required RuntimeCapabilities Capabilities { get; init; }

    /// <summary>Why the runtime is unusable (a coded <see cref="BridgeException"/>), or null when usable.</summary>
    public BridgeException? Problem { get; init; }
}
