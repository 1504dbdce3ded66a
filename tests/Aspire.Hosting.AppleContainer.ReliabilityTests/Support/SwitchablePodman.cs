using System.Reflection;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.Testing;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// podman's switch: points the application at the PodmanProxy stand-in (<c>ASPIRE_APPLECONTAINER_CLI</c>) and switches
/// the "podman service" down and up. While down, every podman call fails as with an unreachable service and the calls
/// still running (<c>podman wait</c>, <c>podman logs -f</c>) end the same way. The stand-in reads its switch file and
/// target from process-wide variables, set for the life of this object.
/// </summary>
internal sealed class SwitchablePodman : IRuntimeSwitch
{
    private static readonly string[] Variables = ["ENGH_PODMAN_PROXY_SWITCH", "ENGH_PODMAN_PROXY_TARGET"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(v => v, Environment.GetEnvironmentVariable);
    private readonly string _switchFile = Path.Combine(Path.GetTempPath(), $"engh-podman-switch-{Guid.NewGuid():N}");
    private readonly string _proxy;

    private SwitchablePodman()
    {
        var proxyDll = typeof(SwitchablePodman).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "PodmanProxyPath").Value!;
        _proxy = Path.ChangeExtension(proxyDll, null);
        File.WriteAllText(_switchFile, "up");
        Environment.SetEnvironmentVariable("ENGH_PODMAN_PROXY_SWITCH", _switchFile);
        Environment.SetEnvironmentVariable("ENGH_PODMAN_PROXY_TARGET", FindRealPodman());
    }

    /// <summary>A switch for podman, up.</summary>
    public static Task<IRuntimeSwitch> CreateAsync() => Task.FromResult<IRuntimeSwitch>(new SwitchablePodman());

    /// <inheritdoc />
    public void Configure(IDistributedApplicationTestingBuilder builder) =>
        builder.Configuration[RuntimeSelectionOptions.ExecutablePathVariable] = _proxy;

    /// <inheritdoc />
    public Task DownAsync() => File.WriteAllTextAsync(_switchFile, "down");

    /// <inheritdoc />
    public Task UpAsync() => File.WriteAllTextAsync(_switchFile, "up");

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        File.Delete(_switchFile); // without the file the stand-in is up: calls still to come (a watchdog's cleanup) go through
        return ValueTask.CompletedTask;
    }

    private static string FindRealPodman() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "podman")).First(File.Exists);
}
