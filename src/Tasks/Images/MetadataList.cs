using System.Globalization;
using System.Text;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks.Images;

/// <summary>
/// A <c>;</c>-separated list in item metadata whose entries may themselves contain <c>;</c> when it is written
/// escaped (<c>%3B</c>, as <c>$([MSBuild]::Escape(…))</c> does). The list is split in its escaped form, and each entry
/// is unescaped afterwards, so <c>BuildArgs="LIST=a%3Bb;MODE=1"</c> holds two build arguments.
/// </summary>
internal static class MetadataList
{
    private const string Special = "%*?@$();'";

    /// <summary>The entries of <paramref name="item"/>'s <paramref name="name"/> metadata, trimmed, without empty ones.</summary>
    public static List<string> Read(ITaskItem item, string name)
    {
        var escaped = item is ITaskItem2 withEscapes ? withEscapes.GetMetadataValueEscaped(name) : item.GetMetadata(name);
        return [.. escaped.Split(';').Select(entry => Unescape(entry).Trim()).Where(entry => entry.Length > 0)];
    }

    /// <summary>Writes <paramref name="entries"/> as one escaped value that <see cref="Read"/> splits back into them.</summary>
    public static string Join(IEnumerable<string> entries) => string.Join(";", entries.Select(Escape));

    /// <summary>Escapes what MSBuild would treat as special (<c>%*?@$();'</c>) as <c>%XX</c>.</summary>
    public static string Escape(string value)
    {
        if (value.IndexOfAny(Special.ToCharArray()) < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var character in value)
        {
            if (Special.Contains(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    /// <summary>Turns each <c>%XX</c> (two hex digits) into its character, as MSBuild unescapes; anything else stays.</summary>
    public static string Unescape(string value)
    {
        if (!value.Contains('%'))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && IsHex(value[i + 1]) && IsHex(value[i + 2]))
            {
                builder.Append((char)int.Parse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsHex(char character) => char.IsAsciiHexDigit(character);
}
