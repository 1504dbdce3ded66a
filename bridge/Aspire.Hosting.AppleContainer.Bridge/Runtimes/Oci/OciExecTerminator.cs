using System.Diagnostics;
using System.Globalization;
using System.Text;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.Oci;

/// <summary>
/// Ends the processes of a canceled exec. Neither <c>podman exec</c> nor <c>docker exec</c> forwards signals: killing
/// the CLI leaves the exec'd process running in the container. So every cancellable exec carries a unique
/// <see cref="MarkerVariable"/> in its environment; on cancellation the terminator lists the container's processes
/// with their host PIDs (<c>top &lt;id&gt; hpid pid ppid</c>), finds those whose <c>/proc/&lt;hpid&gt;/environ</c>
/// holds the marker, adds their in-container descendants, and kills them all. This needs the container's processes
/// on this host's procfs, which is why only a local Linux podman declares the capability.
/// </summary>
internal sealed class OciExecTerminator(CliInvoker invoker, OciArguments arguments)
{
    /// <summary>The environment variable that tags an exec session's processes.</summary>
    public const string MarkerVariable = "ACTR_EXEC_SESSION";

    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    /// <summary>Kills every process of the exec tagged <paramref name="marker"/>; waits briefly for late starters.</summary>
    public async Task TerminateAsync(string containerId, string marker)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var needle = Encoding.UTF8.GetBytes($"{MarkerVariable}={marker}\0");
        var watch = Stopwatch.StartNew();
        var killedAny = false;
        while (!limit.IsCancellationRequested)
        {
            var rows = await TopAsync(containerId, limit.Token).ConfigureAwait(false);
            var tagged = rows.Where(row => EnvironmentContains(row.HostPid, needle)).Select(row => row.Pid).ToHashSet();
            var victims = WithDescendants(rows, tagged);
            foreach (var row in victims)
            {
                Kill(row.HostPid);
            }

            killedAny |= victims.Count > 0;
            if (victims.Count == 0 && (killedAny || watch.Elapsed > SettleTime))
            {
                return;
            }

            await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Parses <c>top … hpid pid ppid</c> (a header line, then whitespace-separated columns).</summary>
    public static IReadOnlyList<OciProcessRow> ParseTop(string output)
    {
        var rows = new List<OciProcessRow>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 3
                && int.TryParse(columns[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hostPid)
                && int.TryParse(columns[1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && int.TryParse(columns[2], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
            {
                rows.Add(new OciProcessRow(hostPid, pid, parent));
            }
        }

        return rows;
    }

    /// <summary>The rows whose pid is in <paramref name="roots"/> or descends from one of them.</summary>
    public static IReadOnlyList<OciProcessRow> WithDescendants(IReadOnlyList<OciProcessRow> rows, IReadOnlySet<int> roots)
    {
        var selected = new HashSet<int>(roots);
        bool grew;
        do
        {
            grew = false;
            foreach (var row in rows)
            {
                if (!selected.Contains(row.Pid) && selected.Contains(row.ParentPid))
                {
                    grew |= selected.Add(row.Pid);
                }
            }
        }
        while (grew);
        return rows.Where(row => selected.Contains(row.Pid)).ToList();
    }

    private async Task<IReadOnlyList<OciProcessRow>> TopAsync(string containerId, CancellationToken cancellationToken)
    {
        var result = await invoker.RunUncheckedAsync(arguments.Top(containerId), cancellationToken, TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        return result.ExitCode == 0 ? ParseTop(result.StandardOutput) : [];
    }

    private static bool EnvironmentContains(int hostPid, byte[] needle)
    {
        try
        {
            var environment = File.ReadAllBytes($"/proc/{hostPid}/environ");
            return environment.AsSpan().IndexOf(needle) >= 0 || environment.AsSpan().EndsWith(needle.AsSpan(0, needle.Length - 1));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void Kill(int hostPid)
    {
        try
        {
            using var process = Process.GetProcessById(hostPid);
            process.Kill();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Already gone.
        }
    }
}
