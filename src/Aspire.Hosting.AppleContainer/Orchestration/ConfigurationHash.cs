using System.Security.Cryptography;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// A hash of what a container is made of, stored in its <see cref="ContainerLabels.ConfigHash"/> label: a persistent
/// container whose hash matches is reused, otherwise recreated. The session and owner labels are left out (they
/// change from run to run without changing the container); host ports count (a persistent container's are reused).
/// </summary>
internal static class ConfigurationHash
{
    private static readonly HashSet<string> VolatileLabels = new(StringComparer.Ordinal)
    {
        ContainerLabels.Session, ContainerLabels.Owner, ContainerLabels.ConfigHash,
    };

    /// <summary>The hash of <paramref name="spec"/> (32 hex characters).</summary>
    public static string Compute(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder();
        void Add(string field, object? value) => text.Append(field).Append('=').Append(value).Append('\u001f');

        Add("image", spec.Image);
        Add("entrypoint", spec.Entrypoint is null ? "<image>" : string.Join('\u001e', spec.Entrypoint));
        Add("args", string.Join('\u001e', spec.Args));
        foreach (var (name, value) in spec.Environment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add("env:" + name, value);
        }

        foreach (var (name, value) in spec.SecretEnvironment.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Add("secret:" + name, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value))));
        }

        foreach (var port in spec.Ports.OrderBy(p => p.ContainerPort).ThenBy(p => p.Protocol))
        {
            Add("port", $"{port.ContainerPort}/{port.Protocol}@{port.HostAddress}:{port.HostPort}");
        }

        foreach (var mount in spec.Mounts.OrderBy(m => m.Target, StringComparer.Ordinal))
        {
            Add("mount", $"{mount.Kind}:{mount.Source}:{mount.Target}:{mount.ReadOnly}");
        }

        foreach (var (key, value) in spec.Labels.Where(l => !VolatileLabels.Contains(l.Key)).OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            Add("label:" + key, value);
        }

        Add("cpus", spec.Cpus?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("memory", spec.MemoryBytes);
        Add("init", spec.Init);
        Add("workdir", spec.WorkingDirectory);
        Add("user", spec.User);
        Add("network", spec.Network);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant();
    }
}
