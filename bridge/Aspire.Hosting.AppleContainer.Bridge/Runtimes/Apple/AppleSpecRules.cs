namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>What Apple's CLI rejects or silently mishandles in a <see cref="RunSpec"/>, checked before any process runs.</summary>
internal static class AppleSpecRules
{
    /// <summary>Container names are at most 63 characters since 1.2.0 (ManagedContainer.nameValid @1.2.0).</summary>
    public const int MaxNameLength = 63;

    /// <summary>A label's <c>key=value</c> is at most 4096 characters (ResourceLabels.labelLengthMax @1.0.0).</summary>
    public const int MaxLabelLength = 4096;

    public static void Validate(RunSpec spec)
    {
        if (spec.Name.Length > MaxNameLength)
        {
            throw Unsupported("name", $"Apple's container CLI limits container names to {MaxNameLength} characters; '{spec.Name}' has {spec.Name.Length}.");
        }

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

    private static BridgeException Unsupported(string option, string message) =>
        new(BridgeErrorCode.UnsupportedOption, message) { Option = option, Runtime = AppleContainerRuntime.RuntimeName };
}
