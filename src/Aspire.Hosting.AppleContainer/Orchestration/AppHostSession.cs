using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Identifies one run of an AppHost: a fresh session id for session containers, the AppHost's process (so that a
/// sweep can tell a live owner from a dead one) and a stable AppHost key for persistent containers.
/// </summary>
internal sealed class AppHostSession
{
    /// <summary>Creates the session of the current process.</summary>
    public AppHostSession(IConfiguration configuration, IHostEnvironment environment)
    {
        Id = Guid.NewGuid().ToString("N")[..16];
        using var self = Process.GetCurrentProcess();
        Owner = OwnerOf(self.Id, self.StartTime);
        // Aspire's own stable AppHost identity (a hash of the AppHost's path), as DCP uses it for persistent containers.
        var identity = configuration["AppHost:Sha256"] is { Length: >= 12 } sha
            ? sha
            : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(configuration["AppHost:FilePath"] ?? environment.ContentRootPath + "|" + environment.ApplicationName)));
        AppHostKey = identity[..12].ToLowerInvariant();
    }

    /// <summary>The session id (16 hex characters).</summary>
    public string Id { get; }

    /// <summary>The owner label value: the AppHost's process id and start time.</summary>
    public string Owner { get; }

    /// <summary>A stable key of the AppHost (its project path), shared by every run of the same AppHost.</summary>
    public string AppHostKey { get; }

    /// <summary>The owner label value of a process.</summary>
    public static string OwnerOf(int processId, DateTime startTime) =>
        $"{processId}-{startTime.ToUniversalTime().Ticks / TimeSpan.TicksPerSecond}";

    /// <summary>Whether the process an owner label names still runs (same id and the same start time).</summary>
    public static bool IsOwnerAlive(string owner)
    {
        var dash = owner.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || !int.TryParse(owner.AsSpan(0, dash), out var processId))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited && OwnerOf(processId, process.StartTime) == owner;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
