using System.Text.RegularExpressions;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Images;

/// <summary>
/// containerization's Reference (Sources/ContainerizationOCI/Reference.swift@0.40.1): the first path component is the
/// domain when it starts with <c>localhost</c> or contains <c>.</c> or <c>:</c> (so the domain keeps its port);
/// <c>normalize()</c> adds <c>library/</c> on docker.io and the <c>latest</c> tag.
/// </summary>
internal sealed partial class ImageReference
{
    private const string LegacyDockerHost = "docker.io";
    private const string DockerHost = "registry-1.docker.io";

    private ImageReference(string? domain, string path, string? tag, string? digest)
    {
        Domain = domain;
        Path = path;
        Tag = tag;
        Digest = digest;
    }

    public string? Domain { get; }

    public string Path { get; private set; }

    public string? Tag { get; private set; }

    public string? Digest { get; }

    public string Name => Domain is { Length: > 0 } ? $"{Domain}/{Path}" : Path;

    /// <summary>The domain the registry client dials (docker.io is registry-1.docker.io).</summary>
    public string? ResolvedDomain => Domain == LegacyDockerHost ? DockerHost : Domain;

    /// <summary><c>Reference.resolveDomain(domain:)</c> (Reference.swift@0.40.1:246-251): docker.io is registry-1.docker.io.</summary>
    public static string ResolveDomain(string domain) => domain == LegacyDockerHost ? DockerHost : domain;

    public override string ToString() => Tag is not null ? $"{Name}:{Tag}" : Digest is not null ? $"{Name}@{Digest}" : Name;

    [GeneratedRegex(@"^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\[(?:[a-fA-F0-9:]+)\])(?::[0-9]+)?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^(?<path>(?:[a-z0-9]+(?:[._]|__|-|/)?)*[a-z0-9]+)(?::(?<tag>[\w][\w.-]{0,127}))?(?:@(?<digest>sha256:[0-9a-fA-F]{64}))?$")]
    private static partial Regex PathTagPattern();

    public static ImageReference Parse(string text)
    {
        if (text.Length > 255 + 1 + 128)
        {
            throw Invalid($"reference length {text.Length} greater than {255 + 1 + 128}");
        }

        if (Regex.IsMatch(text, "^[a-f0-9]{64}$"))
        {
            throw Invalid("cannot specify 64 byte hex string as reference");
        }

        string? domain = null;
        var remainder = text;
        var splits = SplitOnce(text, '/');
        if (splits.Count != 2)
        {
            if (text.StartsWith("localhost", StringComparison.Ordinal))
            {
                domain = text;
                remainder = string.Empty;
            }
        }
        else if (splits[0].StartsWith("localhost", StringComparison.Ordinal) || splits[0].IndexOfAny(['.', ':']) >= 0)
        {
            domain = splits[0];
            remainder = splits[1];
        }

        if (domain is not null && !DomainPattern().IsMatch(domain))
        {
            throw Invalid($"invalid domain {domain} for reference {text}");
        }

        var match = PathTagPattern().Match(remainder);
        if (!match.Success)
        {
            throw Invalid("invalid format for image reference");
        }

        var tag = match.Groups["tag"].Success && match.Groups["tag"].Value.Length > 0 ? match.Groups["tag"].Value : null;
        var digest = match.Groups["digest"].Success && match.Groups["digest"].Value.Length > 0 ? match.Groups["digest"].Value : null;
        return new ImageReference(domain, match.Groups["path"].Value, digest is null ? tag : null, digest);
    }

    /// <summary>
    /// ClientImage.normalizeReference (Sources/Services/ContainerAPIService/Client/ClientImage.swift@1.2.2:116–136): a
    /// reference without a domain gets the default registry's (docker.io, ContainerSystemConfig.swift@1.2.2), then
    /// <c>normalize()</c>.
    /// </summary>
    public static string Normalize(string text)
    {
        var parsed = Parse(text);
        var updated = parsed.Domain is null ? Parse($"{LegacyDockerHost}/{text}") : parsed;
        updated.ApplyNormalize();
        return updated.ToString();
    }

    /// <summary>Reference.normalize() alone (what <c>build</c> does to its tags, BuildCommand.swift@1.2.2:308–312).</summary>
    public static string NormalizeOnly(string text)
    {
        var parsed = Parse(text);
        parsed.ApplyNormalize();
        return parsed.ToString();
    }

    private void ApplyNormalize()
    {
        if (Domain is DockerHost or LegacyDockerHost && !Path.Contains('/'))
        {
            Path = $"library/{Path}";
        }

        if (Tag is null && Digest is null)
        {
            Tag = "latest";
        }
    }

    private static List<string> SplitOnce(string text, char separator)
    {
        var index = text.IndexOf(separator, StringComparison.Ordinal);
        if (index < 0)
        {
            return [text];
        }

        var list = new List<string>();
        if (index > 0)
        {
            list.Add(text[..index]);
        }

        if (index + 1 < text.Length)
        {
            list.Add(text[(index + 1)..]);
        }

        return list;
    }

    private static CliFailure Invalid(string message) => CliFailure.Of(ContainerizationError.InvalidArgument(message));
}
