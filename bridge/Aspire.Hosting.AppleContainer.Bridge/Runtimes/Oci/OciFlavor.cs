namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>The two OCI CLIs the dialect drives; they share argv and JSON shapes except where noted.</summary>
internal enum OciFlavor
{
    /// <summary>podman (daemonless; JSON-array entrypoints; <c>host.containers.internal</c>).</summary>
    Podman,

    /// <summary>docker (daemon; single-executable entrypoints; <c>host.docker.internal</c>).</summary>
    Docker,
}
