namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// An argv as it may be logged or reported. Secret environment values never reach an argv (they travel in env files),
/// and no dialect puts an environment value on one either; as a second line of defence the value of every
/// <c>-e</c>/<c>--env</c> and <c>--build-arg</c> is replaced, so that a value a future dialect passed there could not
/// reach a log. Secret container arguments (<see cref="RunSpec.SecretArgs"/>) must be on the create/run argv; every
/// occurrence of such a value, in any argument, is replaced as well.
/// </summary>
internal static class CliArgvRedaction
{
    /// <summary>What a redacted value shows.</summary>
    public const string Redacted = "***";

    private static readonly string[] ValueFlags = ["-e", "--env", "--build-arg"];

    /// <summary>The argv, redacted, as one line with each argument quoted when it holds a space.</summary>
    public static string Format(IReadOnlyList<string> argv) => Format(argv, []);

    /// <summary>The argv with <paramref name="secrets"/> and env values redacted, as one line (arguments with a space quoted).</summary>
    public static string Format(IReadOnlyList<string> argv, IReadOnlyCollection<string> secrets) =>
        string.Join(' ', Redact(argv, secrets).Select(a => a.Contains(' ', StringComparison.Ordinal) || a.Length == 0 ? $"\"{a}\"" : a));

    /// <summary>The argv with env values and every occurrence of <paramref name="secrets"/> redacted, one element per argument.</summary>
    public static IReadOnlyList<string> Redact(IReadOnlyList<string> argv, IReadOnlyCollection<string> secrets)
    {
        var shown = new List<string>(argv.Count);
        for (var i = 0; i < argv.Count; i++)
        {
            var argument = RedactText(argv[i], secrets);
            var inline = Array.Find(ValueFlags, f => argument.StartsWith(f + "=", StringComparison.Ordinal));
            if (inline is not null)
            {
                shown.Add($"{inline}={RedactPair(argument[(inline.Length + 1)..])}");
            }
            else if (Array.IndexOf(ValueFlags, argument) >= 0 && i + 1 < argv.Count)
            {
                shown.Add(argument);
                shown.Add(RedactPair(RedactText(argv[++i], secrets)));
            }
            else
            {
                shown.Add(argument);
            }
        }

        return shown;
    }

    /// <summary><paramref name="text"/> with every occurrence of each of <paramref name="secrets"/> (longest first) replaced.</summary>
    public static string RedactText(string text, IReadOnlyCollection<string> secrets)
    {
        foreach (var secret in secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length))
        {
            text = text.Replace(secret, Redacted, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>The values to redact from the argv that creates a container from <paramref name="spec"/>: its secret (runtime) arguments and secret environment values.</summary>
    public static IReadOnlyCollection<string> SecretsOf(RunSpec spec) =>
        [.. spec.SecretArgs.Where(i => i >= 0 && i < spec.Args.Count).Select(i => spec.Args[i])
            .Concat(spec.SecretRuntimeArgs.Where(i => i >= 0 && i < spec.RuntimeArgs.Count).Select(i => spec.RuntimeArgs[i]))
            .Concat(spec.SecretEnvironment.Values).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static string RedactPair(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? pair : $"{pair[..(equals + 1)]}{Redacted}";
    }
}
