using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Honours <c>WithContainerRuntimeArgs</c>: the docker-style <c>run</c> flags a resource carries are mapped onto the
/// <see cref="RunSpec"/> fields they stand for, so they work on every runtime. A flag with no such field is rejected
/// with <see cref="BridgeErrorCode.UnsupportedOption"/> naming it, never passed through or dropped. The values are
/// parsed here and checked once, by the bridge's <see cref="RunSpecValidator"/>. <c>WithCpus</c>, <c>WithMemory</c>,
/// <c>WithInit</c> and <c>WithContainerLabel</c> write their flags here too (spelled by <see cref="OciRunFlags"/>).
/// </summary>
internal static class ContainerRuntimeArgs
{
    /// <summary>The flags understood, for the message that names an unsupported one.</summary>
    public const string SupportedFlags = "--cpus, -m/--memory, --init, -w/--workdir, -u/--user, -l/--label, -e/--env, --platform, --read-only, --dns, --tmpfs (a path, without options), --entrypoint";

    /// <summary>Runs the resource's runtime-args callbacks and resolves their values (in order).</summary>
    public static async Task<IReadOnlyList<RuntimeArg>> EvaluateAsync(IResource resource, CancellationToken cancellationToken)
    {
        if (!resource.TryGetAnnotationsOfType<ContainerRuntimeArgsCallbackAnnotation>(out var annotations))
        {
            return [];
        }

        var values = new List<object>();
        var context = new ContainerRuntimeArgsCallbackContext(values, cancellationToken);
        foreach (var annotation in annotations)
        {
            await annotation.Callback(context).ConfigureAwait(false);
        }

        var args = new List<RuntimeArg>(values.Count);
        foreach (var value in values)
        {
            var text = value switch
            {
                null => string.Empty,
                string s => s,
                IValueProvider provider => await provider.GetValueAsync(cancellationToken).ConfigureAwait(false) ?? string.Empty,
                IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString() ?? string.Empty,
            };
            args.Add(new RuntimeArg(text, SecretValues.ContainsSecret(value)));
        }

        return args;
    }

    /// <summary>Applies <paramref name="args"/> to <paramref name="spec"/>.</summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.UnsupportedOption"/> for a flag with no RunSpec field; <see cref="BridgeErrorCode.InvalidSpec"/> for a bad value.</exception>
    public static RunSpec Apply(RunSpec spec, IReadOnlyList<RuntimeArg> args, string resourceName)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var current = args[i].Value;
            var equals = current.StartsWith("--", StringComparison.Ordinal) ? current.IndexOf('=', StringComparison.Ordinal) : -1;
            var flag = equals > 0 ? current[..equals] : current;
            var inline = equals > 0 ? current[(equals + 1)..] : null;
            var isSecret = args[i].IsSecret;
            RuntimeArg Next()
            {
                if (inline is not null)
                {
                    return new RuntimeArg(inline, isSecret);
                }

                if (i + 1 >= args.Count)
                {
                    throw Invalid(flag, $"The container runtime argument '{flag}' of '{resourceName}' needs a value.");
                }

                return args[++i];
            }

            spec = flag switch
            {
                OciRunFlags.Cpus => spec with { Cpus = ParseDouble(resourceName, flag, Next().Value) },
                OciRunFlags.MemoryShort or OciRunFlags.Memory => spec with { MemoryBytes = ParseMemory(resourceName, flag, Next().Value) },
                OciRunFlags.Init => spec with { Init = ParseBool(resourceName, flag, inline) },
                "--read-only" => spec with { ReadOnlyRootFilesystem = ParseBool(resourceName, flag, inline) },
                "-w" or "--workdir" => spec with { WorkingDirectory = Next().Value },
                "-u" or "--user" => spec with { User = Next().Value },
                "--platform" => spec with { Platform = Next().Value },
                "--entrypoint" => spec with { Entrypoint = [Next().Value] },
                "--dns" => spec with { Dns = [.. spec.Dns, Next().Value] },
                "--tmpfs" => WithTmpfs(spec, resourceName, flag, Next().Value),
                OciRunFlags.LabelShort or OciRunFlags.Label => WithLabel(spec, resourceName, flag, Next().Value),
                "-e" or "--env" => WithEnvironment(spec, resourceName, flag, Next()),
                _ => throw new BridgeException(
                    BridgeErrorCode.UnsupportedOption,
                    $"The container runtime argument '{current}' of '{resourceName}' has no equivalent on the runtimes this integration drives (supported: {SupportedFlags}); remove it or use the matching Aspire API.")
                { Option = flag },
            };
        }

        return spec;
    }

    private static RunSpec WithLabel(RunSpec spec, string resourceName, string flag, string value)
    {
        var (key, text) = SplitPair(resourceName, flag, value);
        return spec with { Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal) { [key] = text } };
    }

    /// <summary>
    /// <c>--tmpfs PATH</c>. A <see cref="MountSpec"/> has no tmpfs options (size, mode), so <c>PATH:OPTIONS</c> is
    /// refused rather than run without them.
    /// </summary>
    private static RunSpec WithTmpfs(RunSpec spec, string resourceName, string flag, string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            throw new BridgeException(
                BridgeErrorCode.UnsupportedOption,
                $"The container runtime argument '{flag} {value}' of '{resourceName}' has tmpfs options ('{value[(colon + 1)..]}'), which this integration cannot pass to every runtime.")
            {
                Option = flag,
                Hint = $"Pass the path alone ('{flag} {value[..colon]}'); the runtime's default size and mode apply.",
            };
        }

        return spec with { Mounts = [.. spec.Mounts, new MountSpec(MountKind.Tmpfs, null, value)] };
    }

    private static RunSpec WithEnvironment(RunSpec spec, string resourceName, string flag, RuntimeArg arg)
    {
        var (name, value) = SplitPair(resourceName, flag, arg.Value);
        var plain = new Dictionary<string, string>(spec.Environment, StringComparer.Ordinal);
        var secret = new Dictionary<string, string>(spec.SecretEnvironment, StringComparer.Ordinal);
        plain.Remove(name);
        secret.Remove(name);
        (arg.IsSecret ? secret : plain)[name] = value;
        return spec with { Environment = plain, SecretEnvironment = secret };
    }

    private static (string Key, string Value) SplitPair(string resourceName, string flag, string value)
    {
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? (value[..equals], value[(equals + 1)..])
            : throw Invalid(flag, $"The container runtime argument '{flag} {value}' of '{resourceName}' must have the form NAME=VALUE.");
    }

    private static double ParseDouble(string resourceName, string flag, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw Invalid(flag, $"The container runtime argument '{flag} {value}' of '{resourceName}' is not a number.");

    private static bool ParseBool(string resourceName, string flag, string? inline) => inline switch
    {
        null or "true" => true,
        "false" => false,
        _ => throw Invalid(flag, $"The container runtime argument '{flag}={inline}' of '{resourceName}' must be true or false."),
    };

    /// <summary>Docker's memory syntax: a number with an optional b, k, m or g suffix (binary units); the bridge checks the limit.</summary>
    private static long ParseMemory(string resourceName, string flag, string value)
    {
        var text = value.Trim().ToLowerInvariant();
        var multiplier = text.Length == 0 ? 0 : text[^1] switch { 'b' => 1L, 'k' => 1L << 10, 'm' => 1L << 20, 'g' => 1L << 30, _ => 0 };
        var digits = multiplier == 0 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number * (multiplier == 0 ? 1 : multiplier)
            : throw Invalid(flag, $"The container runtime argument '{flag} {value}' of '{resourceName}' is not a memory size (e.g. 512m, 2g).");
    }

    private static BridgeException Invalid(string flag, string message) =>
        new(BridgeErrorCode.InvalidSpec, message) { Option = flag };
}
