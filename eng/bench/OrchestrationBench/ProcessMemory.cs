using System.Globalization;

namespace OrchestrationBench;

/// <summary>A process's memory from <c>/proc</c>, in KiB.</summary>
internal static class ProcessMemory
{
    /// <summary><c>VmRSS</c> and <c>VmHWM</c>; null for a process that is gone or has no memory (a zombie).</summary>
    public static (long Rss, long Peak)? Resident(int pid)
    {
        var status = ProcessTree.Read($"/proc/{pid}/status") ?? string.Empty;
        return Field(status, "VmRSS:") is { } rss && Field(status, "VmHWM:") is { } peak ? (rss, peak) : null;
    }

    /// <summary>
    /// <c>Pss</c>: the resident pages, each shared page divided among the processes that map it (so the same binary
    /// mapped by several processes counts once in a sum); null for a process that is gone.
    /// </summary>
    public static long? Proportional(int pid) => Field(ProcessTree.Read($"/proc/{pid}/smaps_rollup") ?? string.Empty, "Pss:");

    private static long? Field(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line[name.Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
            }
        }

        return null;
    }
}
