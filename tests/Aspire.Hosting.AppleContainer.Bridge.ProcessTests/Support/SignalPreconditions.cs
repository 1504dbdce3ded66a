using System.Globalization;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>
/// A test run started in the background by a shell (<c>&amp;</c>) inherits SIGINT as ignored, and so does every child;
/// .NET (the fake CLI) then cannot handle SIGINT at all. Tests that need SIGINT say so plainly instead of failing obscurely.
/// </summary>
internal static class SignalPreconditions
{
    /// <summary>Fails with an explanation when this process ignores SIGINT (read from /proc where it exists).</summary>
    public static void AssertInterruptIsNotIgnored()
    {
        const string Status = "/proc/self/status";
        if (!File.Exists(Status))
        {
            return;
        }

        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var ignored = line is null ? 0 : ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        Assert.True((ignored & (1UL << (2 - 1))) == 0, "SIGINT is ignored by the test process (started in the background?); run the tests in the foreground.");
    }
}
