using System.Globalization;
using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Containers;

/// <summary>
/// Measurement.parse (Sources/ContainerPersistence/Measurement+Parse.swift@1.2.2): a number and an optional binary unit
/// (b, k, m, g, t, p, each optionally followed by <c>b</c> or <c>ib</c>); Parser.memoryStringAsMiB truncates to whole MiB
/// (Parser.swift@1.2.2:57–61). Failures describe themselves as "invalid size" / "invalid symbol: …".
/// </summary>
internal static class MemorySize
{
    private static readonly Dictionary<char, double> Units = new()
    {
        ['b'] = 1, ['k'] = 1024, ['m'] = 1024.0 * 1024, ['g'] = 1024.0 * 1024 * 1024, ['t'] = 1024.0 * 1024 * 1024 * 1024, ['p'] = 1024.0 * 1024 * 1024 * 1024 * 1024,
    };

    public static double Bytes(string text)
    {
        var trimmed = text.Trim(' ', '\t').ToLowerInvariant();
        if (trimmed.Length == 0)
        {
            throw CliFailure.Of(new TextError("invalid size"));
        }

        var split = 0;
        while (split < trimmed.Length && "01234567890.".Contains(trimmed[split], StringComparison.Ordinal))
        {
            split++;
        }

        var rawValue = trimmed[..split].Trim(' ', '\t');
        var rawUnit = trimmed[split..].Trim(' ', '\t');
        if (!double.TryParse(rawValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw CliFailure.Of(new TextError("invalid size"));
        }

        var symbol = rawUnit.Length == 0 ? 'b' : rawUnit[0];
        if (rawUnit.Length > 0 && rawUnit[1..] is not ("" or "ib" or "b"))
        {
            throw CliFailure.Of(new TextError($"invalid symbol: {rawUnit}"));
        }

        return Units.TryGetValue(symbol, out var scale) ? value * scale : throw CliFailure.Of(new TextError($"invalid symbol: {rawUnit}"));
    }

    public static long MebibytesTruncated(string text) => (long)(Bytes(text) / (1024 * 1024));
}
