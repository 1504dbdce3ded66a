using System.Net;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// Checks a <see cref="RunSpec"/> before any process runs: <see cref="Validate"/> applies the rules every runtime
/// shares (<see cref="BridgeErrorCode.InvalidSpec"/>), <see cref="ValidateFor"/> adds what a runtime's
/// <see cref="RuntimeCapabilities"/> cannot honour (<see cref="BridgeErrorCode.UnsupportedOption"/>, naming the option).
/// </summary>
internal static partial class RunSpecValidator
{
    /// <summary>Container names every runtime accepts (Apple's rule, which podman and docker share).</summary>
    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    public static partial Regex ContainerNamePattern();

    /// <summary>The least memory limit any runtime accepts: 6 MiB (docker's and podman's floor).</summary>
    internal const long MinimumMemoryBytes = 6L * 1024 * 1024;

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex VolumeNamePattern();

    [GeneratedRegex(@"^[a-zA-Z0-9][a-zA-Z0-9._/:@-]*$")]
    private static partial Regex ImageReferencePattern();

    /// <summary>Throws <see cref="BridgeErrorCode.InvalidSpec"/> naming the first problem found.</summary>
    public static void Validate(RunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Name.Length > 128 || !ContainerNamePattern().IsMatch(spec.Name))
        {
            throw Invalid("name", $"The container name '{spec.Name}' must match [a-zA-Z0-9][a-zA-Z0-9_.-]+ (at most 128 characters).");
        }

        ValidateImageReference(spec.Image);

        if (spec.Entrypoint is { } entrypoint && (entrypoint.Count == 0 || string.IsNullOrEmpty(entrypoint[0])))
        {
            throw Invalid("entrypoint", "The entrypoint, when given, must start with a non-empty executable.");
        }

        foreach (var (name, value) in spec.Environment.Concat(spec.SecretEnvironment))
        {
            ValidateEnvironmentVariable(name, value);
        }

        var duplicate = spec.Environment.Keys.Intersect(spec.SecretEnvironment.Keys, StringComparer.Ordinal).FirstOrDefault();
        if (duplicate is not null)
        {
            throw Invalid("environment", $"The environment variable '{duplicate}' is both plain and secret.");
        }

        foreach (var value in spec.SecretEnvironment.Values)
        {
            if (value.Contains('\n') || value.Contains('\r'))
            {
                throw Invalid("environment", "A secret environment value cannot contain a line break (env files hold one variable a line).");
            }
        }

        ValidateSecretArgs(spec.Args, spec.SecretArgs, "args");
        ValidateSecretArgs(spec.RuntimeArgs, spec.SecretRuntimeArgs, "runtime-args");
        if (spec.RuntimeArgs.Any(a => a.Contains('\0')))
        {
            throw Invalid("runtime-args", "A runtime argument cannot contain NUL.");
        }
        ValidatePorts(spec.Ports);
        ValidateMounts(spec.Mounts);
        ValidateFiles(spec.Files);

        foreach (var (key, value) in spec.Labels)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                throw Invalid("label", "A label key cannot be empty.");
            }

            if (value.Contains('\0') || value.Contains('\n'))
            {
                throw Invalid("label", $"The value of label '{key}' cannot contain NUL or a line break.");
            }

            _ = LabelCodec.NormalizeKey(key);
        }

        if (spec.Cpus is { } cpus && (double.IsNaN(cpus) || cpus <= 0))
        {
            throw Invalid("cpus", $"The CPU limit must be positive (got {cpus}).");
        }

        if (spec.MemoryBytes is { } memory && memory < MinimumMemoryBytes)
        {
            throw Invalid("memory", $"The memory limit must be at least 6 MiB (got {memory} bytes).");
        }

        if (spec.WorkingDirectory is { } workingDirectory && !workingDirectory.StartsWith('/'))
        {
            throw Invalid("workdir", $"The working directory '{workingDirectory}' must be an absolute path.");
        }

        foreach (var server in spec.Dns)
        {
            if (!IPAddress.TryParse(server, out _))
            {
                throw Invalid("dns", $"The DNS server '{server}' is not an IP address.");
            }
        }
    }

    /// <summary>Validates and then throws <see cref="BridgeErrorCode.UnsupportedOption"/> for what <paramref name="capabilities"/> rule out.</summary>
    public static void ValidateFor(RunSpec spec, RuntimeCapabilities capabilities, string runtime)
    {
        Validate(spec);
        ArgumentNullException.ThrowIfNull(capabilities);
        if (spec.Cpus is { } cpus && !capabilities.SupportsFractionalCpus && cpus != Math.Floor(cpus))
        {
            throw Unsupported(runtime, "cpus", $"{runtime} allocates whole CPUs; {cpus} is not a whole number.");
        }

        if (!capabilities.SupportsTmpfs && spec.Mounts.Any(m => m.Kind == MountKind.Tmpfs))
        {
            throw Unsupported(runtime, "tmpfs", $"{runtime} does not honour tmpfs mounts.");
        }

        if (!capabilities.SupportsNetworkAliases && spec.NetworkAliases.Count > 0)
        {
            throw Unsupported(runtime, "network-alias", $"{runtime} has no network aliases.");
        }

        if (capabilities.RequiresExplicitHostPort && spec.Ports.FirstOrDefault(p => p.HostPort is null) is { } port)
        {
            throw Unsupported(runtime, "publish", $"{runtime} needs an explicit host port to publish container port {port.ContainerPort}.");
        }

        if (capabilities.RejectsPrivilegedPortsOnLoopback
            && spec.Ports.FirstOrDefault(p => p.HostPort < 1024 && IPAddress.TryParse(p.HostAddress, out var a) && IPAddress.IsLoopback(a)) is { } privileged)
        {
            throw Unsupported(runtime, "publish", $"{runtime} cannot bind host port {privileged.HostPort} (below 1024) on {privileged.HostAddress}; use a port of 1024 or above, or a wildcard address.");
        }
    }

    /// <summary>Whether <paramref name="port"/> is a TCP/UDP port number (1–65535): the one place that knows the range.</summary>
    internal static bool IsPort(int port) => port is >= 1 and <= 65535;

    /// <summary>Throws <see cref="BridgeErrorCode.InvalidSpec"/> unless <paramref name="image"/> is a plausible image reference.</summary>
    public static void ValidateImageReference(string image)
    {
        if (string.IsNullOrWhiteSpace(image) || image.Length > 512 || !ImageReferencePattern().IsMatch(image) || image.EndsWith(':') || image.Contains("//", StringComparison.Ordinal))
        {
            throw Invalid("image", $"'{image}' is not a valid image reference.");
        }
    }

    /// <summary>Throws <see cref="BridgeErrorCode.InvalidSpec"/> unless <paramref name="name"/> is a valid volume name.</summary>
    public static void ValidateVolumeName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 128 || !VolumeNamePattern().IsMatch(name))
        {
            throw Invalid("volume", $"The volume name '{name}' must match [a-zA-Z0-9][a-zA-Z0-9_.-]* (at most 128 characters).");
        }
    }

    /// <summary>Throws <see cref="BridgeErrorCode.InvalidSpec"/> unless <paramref name="name"/> is a network name every runtime accepts.</summary>
    public static void ValidateNetworkName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 128 || !VolumeNamePattern().IsMatch(name))
        {
            throw Invalid("network", $"The network name '{name}' must match [a-zA-Z0-9][a-zA-Z0-9_.-]* (at most 128 characters).");
        }
    }

    private static void ValidateEnvironmentVariable(string name, string value)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('=') || name.Contains('\0') || name.Any(char.IsWhiteSpace))
        {
            throw Invalid("environment", $"'{name}' is not a valid environment variable name.");
        }

        if (value is null || value.Contains('\0'))
        {
            throw Invalid("environment", $"The value of environment variable '{name}' cannot be null or contain NUL.");
        }
    }

    /// <summary>Secret argument indexes point into <paramref name="args"/>, ascending and once each; the messages never show a value.</summary>
    private static void ValidateSecretArgs(IReadOnlyList<string> args, IReadOnlyList<int> secretIndexes, string option)
    {
        var previous = -1;
        foreach (var index in secretIndexes)
        {
            if (index <= previous || index >= args.Count)
            {
                throw Invalid(option, $"The secret argument index {index} must be below the argument count ({args.Count}) and above the previous one.");
            }

            if (args[index].Contains('\0'))
            {
                throw Invalid(option, $"The secret argument at index {index} cannot contain NUL.");
            }

            previous = index;
        }
    }

    private static void ValidatePorts(IReadOnlyList<PortMapping> ports)
    {
        var bound = new HashSet<(string, int, PortProtocol)>();
        foreach (var port in ports)
        {
            if (!IsPort(port.ContainerPort))
            {
                throw Invalid("publish", $"The container port {port.ContainerPort} is outside 1–65535.");
            }

            if (port.HostPort is { } host && !IsPort(host))
            {
                throw Invalid("publish", $"The host port {port.HostPort} is outside 1–65535.");
            }

            if (!IPAddress.TryParse(port.HostAddress, out _))
            {
                throw Invalid("publish", $"The host address '{port.HostAddress}' is not an IP address.");
            }

            if (port.HostPort is { } hostPort && !bound.Add((port.HostAddress, hostPort, port.Protocol)))
            {
                throw Invalid("publish", $"The host port {port.HostAddress}:{hostPort}/{port.Protocol.ToString().ToLowerInvariant()} is published twice.");
            }
        }
    }

    private static void ValidateMounts(IReadOnlyList<MountSpec> mounts)
    {
        var targets = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in mounts)
        {
            if (!mount.Target.StartsWith('/'))
            {
                throw Invalid("mount", $"The mount target '{mount.Target}' must be an absolute path.");
            }

            if (!targets.Add(mount.Target.TrimEnd('/')))
            {
                throw Invalid("mount", $"Two mounts target '{mount.Target}'.");
            }

            switch (mount.Kind)
            {
                case MountKind.Bind when string.IsNullOrEmpty(mount.Source) || !Path.IsPathFullyQualified(mount.Source):
                    throw Invalid("mount", $"The bind mount source '{mount.Source}' must be an absolute host path.");
                case MountKind.Bind when !File.Exists(mount.Source) && !Directory.Exists(mount.Source):
                    throw Invalid("mount", $"The bind mount source '{mount.Source}' does not exist.");
                case MountKind.Volume:
                    ValidateVolumeName(mount.Source ?? string.Empty);
                    break;
                case MountKind.Tmpfs when mount.Source is not null:
                    throw Invalid("mount", $"A tmpfs mount has no source (got '{mount.Source}').");
            }
        }
    }

    private static BridgeException Invalid(string option, string message) =>
        new(BridgeErrorCode.InvalidSpec, message) { Option = option };

    private static BridgeException Unsupported(string runtime, string option, string message) =>
        new(BridgeErrorCode.UnsupportedOption, message) { Option = option, Runtime = runtime };
}
