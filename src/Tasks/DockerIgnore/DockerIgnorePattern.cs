using System.Text;
using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Tasks.DockerIgnore;

/// <summary>
/// One <c>.dockerignore</c> line compiled the way Docker compiles it (moby/patternmatcher): Go's
/// <c>filepath.Match</c> syntax (<c>*</c>, <c>?</c>, <c>[...]</c>, <c>\</c> escapes) where <c>*</c> and <c>?</c> never
/// cross a <c>/</c>, plus <c>**</c> for any number of directories (including none).
/// </summary>
internal sealed class DockerIgnorePattern
{
    private readonly Regex _regex;

    private DockerIgnorePattern(string text, bool isException, int lineNumber, Regex regex)
    {
        Text = text;
        IsException = isException;
        LineNumber = lineNumber;
        _regex = regex;
    }

    /// <summary>The cleaned pattern, without its <c>!</c>.</summary>
    public string Text { get; }

    /// <summary>Whether the line starts with <c>!</c> (re-includes what earlier lines excluded).</summary>
    public bool IsException { get; }

    /// <summary>The 1-based line in the <c>.dockerignore</c> file.</summary>
    public int LineNumber { get; }

    /// <summary>Whether the pattern matches a cleaned, <c>/</c>-separated path relative to the context.</summary>
    public bool Matches(string relativePath) => _regex.IsMatch(relativePath);

    /// <summary>Compiles a cleaned pattern; returns null when its syntax is invalid (an unclosed <c>[</c>, a trailing <c>\</c> in a class).</summary>
    public static DockerIgnorePattern? TryCreate(string text, bool isException, int lineNumber)
    {
        var regex = new StringBuilder("^");
        var inClass = false;
        var classStart = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (inClass)
            {
                if (ch == '\\')
                {
                    if (++i == text.Length)
                    {
                        return null;
                    }

                    regex.Append(Regex.Escape(text[i].ToString()));
                }
                else if (ch == ']' && i == classStart)
                {
                    // Like Go, a ']' right after '[' (or '[^') is a literal, not the end of the class.
                    regex.Append(@"\]");
                }
                else
                {
                    regex.Append(ch == ']' ? "]" : ch == '[' ? @"\[" : ch.ToString());
                    inClass = ch != ']';
                }

                continue;
            }

            switch (ch)
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    i++;
                    if (i + 1 < text.Length && text[i + 1] == '/')
                    {
                        i++;
                    }

                    regex.Append(i + 1 == text.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    inClass = true;
                    regex.Append('[');
                    if (i + 1 < text.Length && text[i + 1] == '^')
                    {
                        regex.Append('^');
                        i++;
                    }

                    classStart = i + 1;
                    break;
                case '\\':
                    regex.Append(i + 1 < text.Length ? Regex.Escape(text[++i].ToString()) : @"\\");
                    break;
                default:
                    regex.Append(Regex.Escape(ch.ToString()));
                    break;
            }
        }

        if (inClass)
        {
            return null;
        }

        regex.Append('$');
        try
        {
            var compiled = new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
            return new DockerIgnorePattern(text, isException, lineNumber, compiled);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
