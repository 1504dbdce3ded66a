using System.Diagnostics;

namespace Aspire.Hosting.AppleContainer.ReliabilityTests.Support;

/// <summary>
/// The processes a SIGKILLed AppHost left behind: its CLI children (e.g. a log follow of a persistent container) go on
/// without it. Apple's <c>container logs --follow</c> never ends by itself, not even once its container is deleted, so
/// a test that kills an AppHost ends what its watchdog has not ended yet, found by the test's prefix on their argv.
/// </summary>
internal static class OrphanedProcesses
{
    /// <summary>Kills every process of this machine whose argv mentions <paramref name="prefix"/>; returns their argvs.</summary>
    public static async Task<IReadOnlyList<string>> EndThoseMentioningAsync(string prefix)
    {
        var ended = new List<string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var id) || id == Environment.ProcessId
                || ReadArgv(Path.Combine(directory, "cmdline")) is not { } argv || !argv.Contains(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var process = Process.GetProcessById(id);
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                process.Kill();
                await process.WaitForExitAsync(limit.Token);
                ended.Add(argv);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
            {
                // Ended meanwhile.
            }
        }

        return ended;
    }

    private static string? ReadArgv(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
