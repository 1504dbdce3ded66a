namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The lifecycle state of a container, normalised across runtimes.</summary>
internal enum ContainerState
{
    /// <summary>The runtime reported a state the bridge does not know.</summary>
    Unknown,

    /// <summary>Created and never started.</summary>
    Created,

    /// <summary>Running.</summary>
    Running,

    /// <summary>Paused.</summary>
    Paused,

    /// <summary>Being stopped.</summary>
    Stopping,

    /// <summary>Started at least once and now stopped.</summary>
    Exited,

    /// <summary>Being removed.</summary>
    Removing,

    /// <summary>Dead (failed removal or unrecoverable).</summary>
    Dead,
}
