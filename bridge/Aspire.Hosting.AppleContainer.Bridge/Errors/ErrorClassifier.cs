using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// A dialect's table from CLI stderr to stable codes. The first matching rule wins; unmatched failures are
/// <see cref="BridgeErrorCode.CliFailed"/>. This is the only place that string-matches runtime messages.
/// </summary>
internal sealed class ErrorClassifier
{
    private const int StandardErrorTailLength = 2048;

    private readonly Regex? _trailer;

    /// <summary>Creates a classifier for <paramref name="runtime"/> from its ordered rules.</summary>
    /// <param name="runtime">The runtime whose messages these are.</param>
    /// <param name="rules">The ordered rules.</param>
    /// <param name="trailer">
    /// Lines the CLI prints after its error that say nothing about it (docker's usage pointer), skipped when the
    /// message quotes the last line of stderr.
    /// </param>
    public ErrorClassifier(string runtime, IReadOnlyList<ClassifierRule> rules, Regex? trailer = null)
    {
        Runtime = runtime;
        Rules = rules;
        _trailer = trailer;
    }

    /// <summary>The runtime whose messages these are.</summary>
    public string Runtime { get; }

    /// <summary>The ordered rules.</summary>
    public IReadOnlyList<ClassifierRule> Rules { get; }

    /// <summary>The first rule matching <paramref name="standardError"/>, or null.</summary>
    public ClassifierRule? Match(string standardError) =>
        Rules.FirstOrDefault(rule => rule.Pattern.IsMatch(standardError));

    /// <summary>The code for <paramref name="standardError"/> (<see cref="BridgeErrorCode.CliFailed"/> when nothing matches).</summary>
    public string Classify(string standardError) => Match(standardError)?.Code ?? BridgeErrorCode.CliFailed;

    /// <summary>Builds the coded exception for a failed CLI call.</summary>
    public BridgeException CreateException(IReadOnlyList<string> argv, int exitCode, string standardError, string? operation = null)
    {
        var rule = Match(standardError);
        var tail = Tail(standardError);
        var summary = LastMeaningfulLine(tail);
        var message = operation is null
            ? $"{Runtime} failed (exit code {exitCode}): {summary}"
            : $"{Runtime} could not {operation} (exit code {exitCode}): {summary}";
        return new BridgeException(rule?.Code ?? BridgeErrorCode.CliFailed, message)
        {
            Runtime = Runtime,
            Arguments = argv,
            ExitCode = exitCode,
            StandardError = tail,
            Hint = rule?.Hint,
        };
    }

    private static string Tail(string text) =>
        text.Length <= StandardErrorTailLength ? text.Trim() : text[^StandardErrorTailLength..].Trim();

    private string LastMeaningfulLine(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.LastOrDefault(line => _trailer?.IsMatch(line) != true) ?? lines.LastOrDefault() ?? "(no error output)";
    }
}
