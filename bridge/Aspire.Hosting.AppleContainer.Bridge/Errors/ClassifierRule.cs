using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// One row of a dialect's stderr classifier table. A rule made from a pattern string compiles it on its first match,
/// so a runtime whose calls all succeed never pays for compiling its table.
/// </summary>
internal sealed record ClassifierRule
{
    private readonly Lazy<Regex> _pattern;

    /// <summary>Creates a rule from a ready <paramref name="pattern"/>.</summary>
    /// <param name="pattern">Matched against the CLI's standard error.</param>
    /// <param name="code">The <see cref="BridgeErrorCode"/> it maps to.</param>
    /// <param name="hint">What the user can do, when there is a known remedy.</param>
    public ClassifierRule(Regex pattern, string code, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        (_pattern, Code, Hint) = (new Lazy<Regex>(pattern), code, hint);
    }

    /// <summary>Creates a case-insensitive rule; the pattern is compiled when it is first needed.</summary>
    /// <param name="pattern">Matched against the CLI's standard error.</param>
    /// <param name="code">The <see cref="BridgeErrorCode"/> it maps to.</param>
    /// <param name="hint">What the user can do, when there is a known remedy.</param>
    public ClassifierRule(string pattern, string code, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        _pattern = new Lazy<Regex>(() => new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        (Code, Hint) = (code, hint);
    }

    /// <summary>Matched against the CLI's standard error.</summary>
    public Regex Pattern => _pattern.Value;

    /// <summary>The <see cref="BridgeErrorCode"/> it maps to.</summary>
    public string Code { get; init; }

    /// <summary>What the user can do, when there is a known remedy.</summary>
    public string? Hint { get; init; }
}
