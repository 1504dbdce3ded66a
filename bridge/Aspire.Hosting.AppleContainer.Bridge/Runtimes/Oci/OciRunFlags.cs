using System.Globalization;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// The docker/podman <c>run</c> flags for the limits, init and labels of a <see cref="RunSpec"/>: the one place that
/// spells them. The OCI dialect writes them from a spec; the integration composes them into
/// <c>WithContainerRuntimeArgs</c>, so DCP passes the same flags to <c>docker run</c>/<c>podman run</c>, and reads
/// them back into a spec when it runs the resource itself.
/// </summary>
internal static class OciRunFlags
{
    /// <summary>The CPU limit, in (possibly fractional) CPUs.</summary>
    public const string Cpus = "--cpus";

    /// <summary>The memory limit (bytes, or a number with a b, k, m or g suffix).</summary>
    public const string Memory = "--memory";

    /// <summary>The short form of <see cref="Memory"/>.</summary>
    public const string MemoryShort = "-m";

    /// <summary>Runs an init process as PID 1; <c>--init=false</c> turns it off.</summary>
    public const string Init = "--init";

    /// <summary>A <c>key=value</c> label.</summary>
    public const string Label = "--label";

    /// <summary>The short form of <see cref="Label"/>.</summary>
    public const string LabelShort = "-l";

    /// <summary><c>--cpus N</c>.</summary>
    public static IReadOnlyList<string> ForCpus(double cpus) => [Cpus, cpus.ToString("0.###", CultureInfo.InvariantCulture)];

    /// <summary><c>--memory BYTES</c>.</summary>
    public static IReadOnlyList<string> ForMemory(long bytes) => [Memory, bytes.ToString(CultureInfo.InvariantCulture)];

    /// <summary><c>--init</c>, or <c>--init=false</c> (so that the last call wins, as it does for every flag here).</summary>
    public static IReadOnlyList<string> ForInit(bool enabled) => enabled ? [Init] : [$"{Init}=false"];

    /// <summary><c>--label key=value</c>.</summary>
    public static IReadOnlyList<string> ForLabel(string key, string value) => [Label, $"{key}={value}"];
}
