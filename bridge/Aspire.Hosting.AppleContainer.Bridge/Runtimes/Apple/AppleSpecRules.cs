namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>What Apple's CLI rejects or silently mishandles in a <see cref="RunSpec"/>, checked before any process runs.</summary>
internal static class AppleSpecRules
{
    /// <summary>Container names are at most 63 characters since 1.2.0 (ManagedContainer.nameValid @1.2.0).</summary>
    public const int MaxNameLength = 63;

    /// <summary>A label's <c>key=value</c> is at most 4096 characters (ResourceLabels.labelLengthMax @1.0.0).</summary>
    public const int MaxLabelLength = 4096;

    /// <summary>
    /// The least memory the API server accepts: 200 MiB (ContainersService.swift@1.2.2:326-334, "minimum memory amount
    /// allowed is 200 MiB"), compared after <c>--memory</c> is rounded up to whole MiB.
    /// </summary>
    public const long MinimumMemoryBytes = 200L * 1024 * 1024;

    /// <summary>
    /// The characters the CLI splits an env file on: <c>components(separatedBy: .newlines)</c>
    /// (Parser.swift@1.2.2:175), Foundation's newline set U+000A–U+000D, U+0085, U+2028 and U+2029. A value holding one
    /// would be cut into two lines (the rest becoming a variable of its own), so it is refused before any process runs.
    /// </summary>
    public static readonly char[] EnvFileLineBreaks = ['\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029'];

    public static void Validate(RunSpec spec)
    {
        if (spec.Name.Length > MaxNameLength)
        {
            throw Unsupported("name", $"Apple's container CLI limits container names to {MaxNameLength} characters; '{spec.Name}' has {spec.Name.Length}.");
        }

        if (spec.MemoryBytes is { } memory && RoundedToMebibytes(memory) < MinimumMemoryBytes)
        {
            throw Unsupported("memory", $"Apple's container runtime needs at least 200 MiB of memory per container; {memory} bytes were asked.");
        }

        if (spec.RuntimeArgs.Count > 0)
        {
            // Apple's run flags are its own (Sources/Services/ContainerAPIService/Client/Flags.swift@1.2.2), so docker-style flags cannot be passed through as on OCI
            // runtimes; the flag is named (a secret value never is).
            var flag = spec.RuntimeArgs.Where((_, i) => !spec.SecretRuntimeArgs.Contains(i)).FirstOrDefault() ?? "(a secret value)";
            throw Unsupported(flag, $"Apple's container CLI has no equivalent of the container runtime argument '{flag}' (WithContainerRuntimeArgs); only the flags the integration maps onto its own options (--cpus, -m/--memory, --init, -w/--workdir, -u/--user, -l/--label, -e/--env, --platform, --read-only, --dns, --tmpfs PATH, --entrypoint) are supported there.");
        }

        ValidateEnvironment(spec.Environment.Concat(spec.SecretEnvironment));
        foreach (var mount in spec.Mounts)
        {
            // Parser.mount @1.0.0 splits on ',' and then on '=' (at most 2 splits), so neither may appear in a path.
            if ($"{mount.Source}{mount.Target}".IndexOfAny([',', '=']) >= 0)
            {
                throw Unsupported("mount", $"Apple's --mount parser cannot take ',' or '=' in a path ('{mount.Source}' -> '{mount.Target}').");
            }

            // Parser.mount @1.0.0: a bind source must be a directory ("path '…' is not a directory").
            if (mount.Kind == MountKind.Bind && mount.Source is { } source && !Directory.Exists(source))
            {
                throw Unsupported("mount", $"Apple's container CLI bind-mounts directories only; '{source}' is a file.");
            }
        }

        foreach (var (key, value) in LabelCodec.Encode(spec.Labels))
        {
            if (key.Length + 1 + value.Length > MaxLabelLength)
            {
                throw Unsupported("label", $"The label '{key}' is longer than Apple's {MaxLabelLength}-character limit for key=value once encoded.");
            }
        }
    }

    /// <summary>Refuses a value the env file could not carry intact (see <see cref="EnvFileLineBreaks"/>); the value is never quoted.</summary>
    public static void ValidateEnvironment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        foreach (var (name, value) in variables)
        {
            var at = value.IndexOfAny(EnvFileLineBreaks);
            if (at >= 0)
            {
                throw Unsupported("environment", $"The value of '{name}' contains a line-break character (U+{(int)value[at]:X4}) that Apple's container CLI splits env files on; remove it from the value.");
            }
        }
    }

    private static long RoundedToMebibytes(long bytes) => (bytes + (1024 * 1024) - 1) / (1024 * 1024) * 1024 * 1024;

    private static BridgeException Unsupported(string option, string message) =>
        new(BridgeErrorCode.UnsupportedOption, message) { Option = option, Runtime = AppleContainerRuntime.RuntimeName };
}
