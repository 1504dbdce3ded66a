using System.Reflection;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// Points the integration at the PodmanProxy stand-in (<c>ASPIRE_APPLECONTAINER_CLI</c>) for the life of this object and
/// switches the "podman service" down and up. While down, every podman call fails as with an unreachable service and
/// the calls still running (<c>podman wait</c>, <c>podman logs -f</c>) end the same way. Tests of this suite run one at a
/// time, so the process-wide variables cannot leak into another test.
/// </summary>
internal sealed class SwitchablePodman : IDisposable
{
    private static readonly string[] Variables = ["ASPIRE_APPLECONTAINER_RUNTIME", "ASPIRE_APPLECONTAINER_CLI", "ENGH_PODMAN_PROXY_SWITCH", "ENGH_PODMAN_PROXY_TARGET"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _switchFile = Path.Combine(Path.GetTempPath(), $"engh-podman-switch-{Guid.NewGuid():N}");

    public SwitchablePodman()
    {
        var proxyDll = typeof(SwitchablePodman).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PodmanProxyPath").Value!;
        Up();
        Environment.SetEnvironmentVariable("ASPIRE_APPLECONTAINER_RUNTIME", "podman");
        Environment.SetEnvironmentVariable("ASPIRE_APPLECONTAINER_CLI", Path.ChangeExtension(proxyDll, null));
        Environment.SetEnvironmentVariable("ENGH_PODMAN_PROXY_SWITCH", _switchFile);
        Environment.SetEnvironmentVariable("ENGH_PODMAN_PROXY_TARGET", FindRealPodman());
    }

    public void Down() => File.WriteAllText(_switchFile, "down");

    public void Up() => File.WriteAllText(_switchFile, "up");

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        File.Delete(_switchFile); // without the file the stand-in is up: calls still to come (a watchdog's cleanup) go through
    }

    private static string FindRealPodman() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "podman")).First(File.Exists);
}
