namespace AppleCliEmulator.Containers;

/// <summary>
/// Foundation's <c>CharacterSet.newlines</c>: U+000A–U+000D (so <c>\n</c>, <c>\v</c>, <c>\f</c>, <c>\r</c>), U+0085,
/// U+2028 and U+2029. <c>components(separatedBy: .newlines)</c> splits on each of them, one character at a time.
/// </summary>
internal static class NewlineCharacters
{
    public static readonly char[] All = ['\n', '\v', '\f', '\r', '\u0085', '\u2028', '\u2029'];

    public static bool Contains(char c) => Array.IndexOf(All, c) >= 0;

    /// <summary><c>trimmingCharacters(in: .newlines)</c>.</summary>
    public static string Trim(string text) => text.Trim(All);
}
