using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Parser.tmpfsMounts, Parser.mount, Parser.volume and Parser.validateMount (Parser.swift@1.2.2:342–597): <c>--mount</c>
/// directives <c>type</c> (default virtiofs; <c>bind</c> is virtiofs), <c>source|src</c>, <c>destination|dst|target</c>,
/// <c>readonly|ro</c>, <c>size</c>/<c>mode</c> (tmpfs only); a bind source must exist and be a directory; a volume source
/// is a volume name (<c>^[A-Za-z0-9][A-Za-z0-9_.-]*$</c>), none makes an anonymous volume.
/// </summary>
internal static class MountParser
{
    private const string VolumeNamePattern = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

    public static List<MountSpec> Tmpfs(IEnumerable<string> targets)
    {
        var result = new List<MountSpec>();
        foreach (var target in targets.Distinct(StringComparer.Ordinal))
        {
            var mount = new MountSpec("tmpfs", "tmpfs", target, []);
            Validate(mount);
            result.Add(mount);
        }

        return result;
    }

    public static List<MountSpec> Mounts(IEnumerable<string> raw)
    {
        var result = new List<MountSpec>();
        foreach (var text in raw.Distinct(StringComparer.Ordinal))
        {
            var mount = Mount(text);
            Validate(mount);
            result.Add(mount);
        }

        return result;
    }

    public static List<MountSpec> Volumes(IEnumerable<string> raw)
    {
        var result = new List<MountSpec>();
        foreach (var text in raw)
        {
            var mount = Volume(text);
            Validate(mount);
            result.Add(mount);
        }

        return result;
    }

    public static bool IsValidVolumeName(string name) => name.Length <= 255 && System.Text.RegularExpressions.Regex.IsMatch(name, VolumeNamePattern);

    private static MountSpec Mount(string text)
    {
        var parts = SwiftSplit.Split(text, ',');
        if (parts.Count == 0)
        {
            throw Invalid($"invalid mount format: {text}");
        }

        var directives = new Dictionary<string, string>(StringComparer.Ordinal) { ["type"] = "virtiofs" };
        foreach (var part in parts)
        {
            var keyValue = SwiftSplit.Split(part, '=', maxSplits: 2);
            var key = keyValue[0];
            var skipValue = false;
            switch (key)
            {
                case "type" or "size" or "mode":
                    break;
                case "source" or "src":
                    key = "source";
                    break;
                case "destination" or "dst" or "target":
                    key = "destination";
                    break;
                case "readonly" or "ro":
                    key = "ro";
                    skipValue = true;
                    break;
                default:
                    throw Invalid($"unknown directive {key} when parsing mount {text}");
            }

            var value = string.Empty;
            if (!skipValue)
            {
                if (keyValue.Count != 2)
                {
                    throw Invalid($"invalid directive format missing value {part} in {text}");
                }

                value = keyValue[1];
            }

            directives[key] = value;
        }

        var type = directives["type"];
        var fsType = type switch
        {
            "bind" or "virtiofs" => "virtiofs",
            "tmpfs" => "tmpfs",
            "volume" => "volume",
            _ => throw Invalid($"unsupported mount type {type}"),
        };
        var options = new List<string>();
        var source = string.Empty;
        var destination = string.Empty;
        foreach (var (key, value) in directives.Where(d => d.Key != "type"))
        {
            switch (key)
            {
                case "ro":
                    options.Add("ro");
                    break;
                case "size":
                    if (type != "tmpfs")
                    {
                        throw Invalid($"unsupported option size for {type} mount");
                    }

                    options.Add($"size={MemorySize.MebibytesTruncated(value) * 1024 * 1024}");
                    break;
                case "mode":
                    if (type != "tmpfs")
                    {
                        throw Invalid($"unsupported option mode for {type} mount");
                    }

                    options.Add($"mode={value}");
                    break;
                case "source":
                    switch (type)
                    {
                        case "virtiofs" or "bind":
                            var absolute = AbsolutePath(value);
                            if (!Directory.Exists(absolute) && !File.Exists(absolute))
                            {
                                throw Invalid($"path '{value}' does not exist");
                            }

                            if (!Directory.Exists(absolute))
                            {
                                throw Invalid($"path '{value}' is not a directory");
                            }

                            source = absolute;
                            break;
                        case "volume":
                            if (!IsValidVolumeName(value))
                            {
                                throw Invalid($"invalid volume name '{value}': must match {VolumeNamePattern}");
                            }

                            source = value;
                            break;
                        case "tmpfs":
                            throw Invalid("cannot specify source for tmpfs mount");
                        default:
                            throw Invalid($"unknown mount type {type}");
                    }

                    break;
                case "destination":
                    destination = value;
                    break;
            }
        }

        if (fsType != "volume")
        {
            return new MountSpec(fsType, source, destination, options);
        }

        var anonymous = source.Length == 0;
        return new MountSpec("volume", anonymous ? Guid.NewGuid().ToString().ToLowerInvariant() : source, destination, options, IsVolume: true, IsAnonymous: anonymous);
    }

    private static MountSpec Volume(string text)
    {
        var parts = SwiftSplit.Split(text.TrimStart(':'), ':');
        switch (parts.Count)
        {
            case 1:
                return new MountSpec("volume", Guid.NewGuid().ToString().ToLowerInvariant(), parts[0], [], IsVolume: true, IsAnonymous: true);
            case 2 or 3:
                var source = parts[0];
                var destination = parts[1];
                var options = parts.Count == 3 ? SwiftSplit.Split(parts[2], ',') : [];
                if (!(source.Contains('/') || source is "." or ".."))
                {
                    if (!IsValidVolumeName(source))
                    {
                        throw Invalid($"invalid volume name '{source}': must match {VolumeNamePattern}");
                    }

                    return new MountSpec("volume", source, destination, options, IsVolume: true);
                }

                var absolute = AbsolutePath(source);
                if (!Directory.Exists(absolute) && !File.Exists(absolute))
                {
                    throw Invalid($"path '{source}' does not exist");
                }

                return new MountSpec("virtiofs", absolute, destination, options);
            default:
                throw Invalid($"invalid volume format {text}");
        }
    }

    private static void Validate(MountSpec mount)
    {
        if (mount.IsVolume)
        {
            if (mount.Destination.Length == 0)
            {
                throw Invalid("volume destination cannot be empty");
            }

            return;
        }

        if (mount.Type != "tmpfs")
        {
            if (!mount.Source.StartsWith('/'))
            {
                throw Invalid($"{mount.Source} is not an absolute path on the host");
            }

            if (!Directory.Exists(mount.Source) && !File.Exists(mount.Source))
            {
                throw Invalid($"file path '{mount.Source}' does not exist");
            }
        }

        if (mount.Destination.Length == 0)
        {
            throw Invalid("mount destination cannot be empty");
        }
    }

    /// <summary><c>URL(filePath:).absoluteURL.path</c>: relative to the working directory, without a trailing slash.</summary>
    private static string AbsolutePath(string path)
    {
        var absolute = Path.GetFullPath(path);
        return absolute.Length > 1 ? absolute.TrimEnd('/') : absolute;
    }

    private static CliFailure Invalid(string message) => CliFailure.Of(ContainerizationError.InvalidArgument(message));
}
