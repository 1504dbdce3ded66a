using System.Text;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// One label scheme for every runtime. Keys are normalised to the strictest rule among the runtimes (Apple's:
/// lowercase DNS-style, at most 128 characters); values that contain <c>=</c> (which Apple's 1.0 <c>--label</c>
/// parser splits on) are encoded reversibly as <c>b64.</c> + base64url.
/// </summary>
internal static class LabelCodec
{
    /// <summary>The longest key any runtime accepts.</summary>
    public const int MaxKeyLength = 128;

    private const string EncodedPrefix = "b64.";

    /// <summary>
    /// Normalises a key: lowercase; characters other than <c>a-z 0-9 . -</c> become <c>-</c>; each dot-separated
    /// segment starts and ends with a letter or digit; at most <see cref="MaxKeyLength"/> characters.
    /// </summary>
    /// <exception cref="BridgeException"><see cref="BridgeErrorCode.InvalidSpec"/> when nothing usable remains.</exception>
    public static string NormalizeKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.ToLowerInvariant()
            .Split('.')
            .Select(NormalizeSegment)
            .Where(segment => segment.Length > 0);
        var normalized = string.Join('.', segments);
        if (normalized.Length > MaxKeyLength)
        {
            normalized = normalized[..MaxKeyLength].TrimEnd('.', '-');
        }

        if (normalized.Length == 0)
        {
            throw new BridgeException(BridgeErrorCode.InvalidSpec, $"The label key '{key}' has no letter or digit to keep.");
        }

        return normalized;
    }

    /// <summary>Encodes a value so that it contains no <c>=</c>; values that need no encoding pass unchanged.</summary>
    public static string EncodeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('=') && !value.StartsWith(EncodedPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        return EncodedPrefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(value))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a value produced by <see cref="EncodeValue"/>; other values pass unchanged.</summary>
    public static string DecodeValue(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(EncodedPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var base64 = value[EncodedPrefix.Length..].Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return value;
        }
    }

    /// <summary>Normalises every key and encodes every value.</summary>
    public static IReadOnlyDictionary<string, string> Encode(IReadOnlyDictionary<string, string> labels)
    {
        var encoded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in labels)
        {
            encoded[NormalizeKey(key)] = EncodeValue(value);
        }

        return encoded;
    }

    /// <summary>Decodes every value (keys stay normalised).</summary>
    public static IReadOnlyDictionary<string, string> Decode(IReadOnlyDictionary<string, string>? labels)
    {
        var decoded = new Dictionary<string, string>(StringComparer.Ordinal);
        if (labels is null)
        {
            return decoded;
        }

        foreach (var (key, value) in labels)
        {
            decoded[key] = DecodeValue(value);
        }

        return decoded;
    }

    private static string NormalizeSegment(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            builder.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' ? c : '-');
        }

        return builder.ToString().Trim('-');
    }
}
