namespace Aspire.Hosting.AppleContainer.Sample.Tests.Support;

/// <summary>What a child process inherits: a signal ignored here (e.g. SIGINT in a background job) is ignored there too.</summary>
internal static class SignalDisposition
{
    /// <summary>Whether this process ignores signal <paramref name="signal"/> (Linux: /proc/self/status SigIgn).</summary>
    public static bool IsIgnored(int signal)
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return false;
        }

        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
            && (mask & (1UL << (signal - 1))) != 0;
    }
}
