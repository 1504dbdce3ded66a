using System.Text.RegularExpressions;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Parses <c>container --version</c>: <c>container CLI version 1.0.0 (build: release, commit: abcdef1)</c>
/// (ReleaseVersion.singleLine in Sources/ContainerVersion/ReleaseVersion.swift, used by Application.swift @1.0.0).
/// </summary>
internal static partial class AppleVersionParser
{
    [GeneratedRegex(@"^container CLI version (?<version>\d+\.\d+(\.\d+)?)", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    public static Version? Parse(string text) =>
        VersionLine().Match(text ?? string.Empty) is { Success: true } match ? Version.Parse(match.Groups["version"].Value) : null;

    /// <summary>Whether the text is the version line of Apple's CLI (and not of another program called <c>container</c>).</summary>
    public static bool IsAppleCli(string text) => VersionLine().IsMatch(text ?? string.Empty);
}
