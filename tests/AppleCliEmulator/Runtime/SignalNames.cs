using AppleCliEmulator.Errors;

namespace AppleCliEmulator.Runtime;

/// <summary>
/// Signal parsing as containerization's <c>Signal(_:)</c> does it (Sources/Containerization/Signal.swift@0.40.1:37–51):
/// case-insensitive, an optional <c>SIG</c> prefix, a Linux name or number; anything else is
/// <c>invalid signal: &lt;text&gt;</c> (SignalError, lines 293–301).
/// </summary>
internal static class SignalNames
{
    private static readonly Dictionary<string, int> Linux = new(StringComparer.Ordinal)
    {
        ["ABRT"] = 6, ["ALRM"] = 14, ["BUS"] = 7, ["CHLD"] = 17, ["CLD"] = 17, ["CONT"] = 18, ["FPE"] = 8, ["HUP"] = 1, ["ILL"] = 4,
        ["INT"] = 2, ["IO"] = 29, ["IOT"] = 6, ["KILL"] = 9, ["PIPE"] = 13, ["POLL"] = 29, ["PROF"] = 27, ["PWR"] = 30, ["QUIT"] = 3,
        ["SEGV"] = 11, ["STKFLT"] = 16, ["STOP"] = 19, ["SYS"] = 31, ["TERM"] = 15, ["TRAP"] = 5, ["TSTP"] = 20, ["TTIN"] = 21,
        ["TTOU"] = 22, ["URG"] = 23, ["USR1"] = 10, ["USR2"] = 12, ["VTALRM"] = 26, ["WINCH"] = 28, ["XCPU"] = 24, ["XFSZ"] = 25,
    };

    public static int? TryParse(string name)
    {
        var upper = name.ToUpperInvariant();
        if (upper.StartsWith("SIG", StringComparison.Ordinal))
        {
            upper = upper[3..];
        }

        if (int.TryParse(upper, out var number))
        {
            return number is >= 1 and <= 64 && number is not (32 or 33) ? number : null;
        }

        if (upper.StartsWith("RTMIN", StringComparison.Ordinal))
        {
            return upper == "RTMIN" ? 34 : upper.StartsWith("RTMIN+", StringComparison.Ordinal) && int.TryParse(upper[6..], out var offset) && offset is >= 1 and <= 30 ? 34 + offset : null;
        }

        return upper == "RTMAX" ? 64 : Linux.TryGetValue(upper, out var signal) ? signal : null;
    }

    public static int Parse(string name) => TryParse(name) ?? throw CliFailure.Of(new TextError($"invalid signal: {name}"));
}
