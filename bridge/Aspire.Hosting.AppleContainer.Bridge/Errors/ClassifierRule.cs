using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>One row of a dialect's stderr classifier table.</summary>
/// <param name="Pattern">Matched against the CLI's standard error.</param>
/// <param name="Code">The <see cref="BridgeErrorCode"/> it maps to.</param>
/// <param name="Hint">What the user can do, when there is a known remedy.</param>
public sealed record ClassifierRule(Regex Pattern, string Code, string? Hint = null)
{
    /// <summary>Creates a case-insensitive rule.</summary>
    public ClassifierRule(string pattern, string code, string? hint = null)
        : this(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), code, hint)
    {
    }
}
