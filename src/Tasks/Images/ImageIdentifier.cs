using System.Text;

namespace Aspire.Hosting.AppleContainer.Tasks.Images;

/// <summary>Turns an image name (<c>web</c>, <c>my-api</c>, <c>worker.v2</c>) into a PascalCase C# identifier.</summary>
internal static class ImageIdentifier
{
    /// <summary>The identifier, or null when the name has a character other than letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, or yields nothing usable.</summary>
    public static string? TryCreate(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var ch in name)
        {
            if (ch is '-' or '_' or '.')
            {
                upperNext = true;
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(ch))
            {
                return null;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(ch) : ch);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return null;
        }

        return char.IsAsciiDigit(builder[0]) ? "_" + builder : builder.ToString();
    }
}
