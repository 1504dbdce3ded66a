namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>A filesystem mounted into a container.</summary>
/// <param name="Kind">Bind mount, named volume or tmpfs.</param>
/// <param name="Source">Host path (bind), volume name (volume), or null (tmpfs).</param>
/// <param name="Target">Absolute path inside the container.</param>
/// <param name="ReadOnly">Mount read-only.</param>
internal sealed record MountSpec(MountKind Kind, string? Source, string Target, bool ReadOnly = false);
