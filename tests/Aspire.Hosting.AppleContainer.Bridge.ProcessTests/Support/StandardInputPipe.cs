namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>Reads from <c>/proc</c> who can still write to a child's standard input.</summary>
internal static class StandardInputPipe
{
    private const int AccessModeMask = 3;
    private const int WriteOnly = 1;

    /// <summary>
    /// Whether the child's standard input is a pipe whose write end this process holds open: as long as it does, the
    /// child cannot read end of file.
    /// </summary>
    public static bool IsHeldOpenForWritingByThisProcess(int childProcessId)
    {
        var pipe = new FileInfo($"/proc/{childProcessId}/fd/0").LinkTarget;
        if (pipe is null || !pipe.StartsWith("pipe:", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var descriptor in Directory.EnumerateFiles("/proc/self/fd"))
        {
            if (Target(descriptor) == pipe && IsWriteOnly(Path.GetFileName(descriptor)))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Target(string descriptor)
    {
        try
        {
            return new FileInfo(descriptor).LinkTarget;
        }
        catch (IOException)
        {
            return null; // closed while we looked
        }
    }

    private static bool IsWriteOnly(string descriptor)
    {
        try
        {
            var flags = File.ReadLines($"/proc/self/fdinfo/{descriptor}").First(l => l.StartsWith("flags:", StringComparison.Ordinal));
            return (Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & AccessModeMask) == WriteOnly;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
