namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// An argv as it may be logged. Secrets never reach an argv (they travel in env files), and no dialect puts an
/// environment value on one either; as a second line of defence the value of every <c>-e</c>/<c>--env</c> and
/// <c>--build-arg</c> is replaced, so that a value a future dialect passed there could not reach a log.
/// </summary>
internal static class CliArgvRedaction
{
    /// <summary>What a redacted value shows.</summary>
    public const string Redacted = "***";

    private static readonly string[] ValueFlags = ["-e", "--env", "--build-arg"];

    /// <summary>The argv, redacted, as one line with each argument quoted when it holds a space.</summary>
    public static string Format(IReadOnlyList<string> argv)
    {
        var shown = new List<string>(argv.Count);
        for (var i = 0; i < argv.Count; i++)
        {
            var argument = argv[i];
            var inline = Array.Find(ValueFlags, f => argument.StartsWith(f + "=", StringComparison.Ordinal));
            if (inline is not null)
            {
                shown.Add($"{inline}={RedactPair(argument[(inline.Length + 1)..])}");
            }
            else if (Array.IndexOf(ValueFlags, argument) >= 0 && i + 1 < argv.Count)
            {
                shown.Add(argument);
                shown.Add(RedactPair(argv[++i]));
            }
            else
            {
                shown.Add(argument);
            }
        }

        return string.Join(' ', shown.Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"\"{a}\"" : a));
    }

    private static string RedactPair(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? pair : $"{pair[..(equals + 1)]}{Redacted}";
    }
}
