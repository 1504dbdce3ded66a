namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The kind of a mount.</summary>
internal enum MountKind
{
    /// <summary>A host directory or file.</summary>
    Bind,

    /// <summary>A named volume managed by the runtime.</summary>
    Volume,

    /// <summary>An in-memory filesystem.</summary>
    Tmpfs,
}
