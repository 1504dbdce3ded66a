using System.Globalization;

namespace Aspire.Hosting.AppleContainer.Bridge.Tests.Podman;

/// <summary>The child processes of this test process, read from <c>/proc</c> (Linux, where the podman tier runs).</summary>
internal static class PodmanChildProcesses
{
    /// <summary>How many children of this process run <paramref name="executable"/> with the verb <paramref name="verb"/>.</summary>
    public static int Count(string executable, string verb)
    {
        var count = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                var argv = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0');
                if (parent == Environment.ProcessId && argv.Length > 1 && argv[0] == executable && argv[1] == verb)
                {
                    count++;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                // The process ended while being read, or is not a process directory.
            }
        }

        return count;
    }
}
