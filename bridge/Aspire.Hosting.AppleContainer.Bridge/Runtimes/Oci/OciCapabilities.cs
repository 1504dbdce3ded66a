namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>What podman and docker can do, declared from how the dialect drives them.</summary>
internal static class OciCapabilities
{
    /// <summary>
    /// The capabilities of <paramref name="flavor"/>. Exec cancellation needs the host PIDs of the exec'd processes
    /// (see <see cref="OciExecTerminator"/>), so it is declared only for podman running locally on Linux; docker's
    /// CLI has no way to end an exec'd process either and is not verified here, so it declares none.
    /// </summary>
    public static RuntimeCapabilities For(OciFlavor flavor, bool serviceIsLocalLinux) => new()
    {
        ReportsExitCodes = true,
        RequiresExplicitHostPort = false,
        RejectsPrivilegedPortsOnLoopback = false,
        SupportsFractionalCpus = true,
        SupportsNetworkAliases = true,
        SupportsTmpfs = true,
        SupportsExecCancellation = flavor == OciFlavor.Podman && serviceIsLocalLinux,
    };
}
