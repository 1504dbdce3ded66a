using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Oci;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Honours <c>WithContainerRuntimeArgs</c>: the docker-style <c>run</c> flags a resource carries are mapped onto the
/// <see cref="RunSpec"/> fields they stand for, so they work on every runtime. Every other argument is kept, verbatim
/// and in order, in <see cref="RunSpec.RuntimeArgs"/>: docker and podman get it on their argv as DCP passes it, and
/// Apple's runtime refuses it with <see cref="BridgeErrorCode.UnsupportedOption"/> naming the flag. The mapped values
/// are parsed here and checked once, by the bridge's <see cref="RunSpecValidator"/>. <c>WithCpus</c>, <c>WithMemory</c>,
/// <c>WithInit</c> and <c>WithContainerLabel</c> write their flags here too (spelled by <see cref="OciRunFlags"/>).
/// </summary>
internal static class ContainerRuntimeArgs
{
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
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> for a bad value of a mapped flag.</exception>
    public static RunSpec Apply(RunSpec spec, IReadOnlyList<RuntimeArg> args, string resourceName)
    {
        var verbatim = new List<RuntimeArg>();
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
                "--tmpfs" => WithTmpfs(spec, flag, args[i], Next(), verbatim),
                OciRunFlags.LabelShort or OciRunFlags.Label => WithLabel(spec, resourceName, flag, Next().Value),
                "-e" or "--env" => WithEnvironment(spec, resourceName, flag, Next()),
                _ => Verbatim(spec, args[i], verbatim),
            };
        }

        return verbatim.Count == 0 ? spec : spec with
        {
            RuntimeArgs = [.. spec.RuntimeArgs, .. verbatim.Select(a => a.Value)],
            SecretRuntimeArgs = [.. spec.SecretRuntimeArgs, .. verbatim.Select((a, index) => (a, index)).Where(p => p.a.IsSecret).Select(p => spec.RuntimeArgs.Count + p.index)],
        };
    }

    /// <summary>An argument with no RunSpec field (a flag, or the value after one), kept as it is.</summary>
    private static RunSpec Verbatim(RunSpec spec, RuntimeArg arg, List<RuntimeArg> verbatim)
    {
        verbatim.Add(arg);
        return spec;
    }

    private static RunSpec WithLabel(RunSpec spec, string resourceName, string flag, string value)
    {
        var (key, text) = SplitPair(resourceName, flag, value);
        return spec with { Labels = new Dictionary<string, string>(spec.Labels, StringComparer.Ordinal) { [key] = text } };
    }

    /// <summary>
    /// <c>--tmpfs PATH</c> becomes a tmpfs mount. A <see cref="MountSpec"/> has no tmpfs options (size, mode), so
    /// <c>PATH:OPTIONS</c> is kept verbatim instead (as written: one <c>--tmpfs=PATH:OPTIONS</c> or two arguments).
    /// </summary>
    private static RunSpec WithTmpfs(RunSpec spec, string flag, RuntimeArg written, RuntimeArg value, List<RuntimeArg> verbatim)
    {
        if (value.Value.Contains(':', StringComparison.Ordinal))
        {
            verbatim.Add(written);
            if (!ReferenceEquals(written, value) && written.Value == flag)
            {
                verbatim.Add(value);
            }

            return spec;
        }

        return spec with { Mounts = [.. spec.Mounts, new MountSpec(MountKind.Tmpfs, null, value.Value)] };
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
