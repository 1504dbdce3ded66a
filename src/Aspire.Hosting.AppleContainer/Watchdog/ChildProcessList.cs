using System.Globalization;
using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Watchdog;

/// <summary>
/// The AppHost's CLI children as its report lines say (<c>+pid start</c>, <c>-pid</c>; see the integration's
/// ChildProcessReport): what still runs when the AppHost is gone is ended, process group by process group.
/// </summary>
internal sealed class ChildProcessList
{
    private readonly Dictionary<int, ProcessIdentity> _running = [];

    /// <summary>The children reported started and not ended.</summary>
    public IReadOnlyCollection<ProcessIdentity> Running => _running.Values;

    /// <summary>Applies one report line; anything else is ignored.</summary>
    public void Apply(string line)
    {
        if (line.Length < 2)
        {
            return;
        }

        if (line[0] == '+')
        {
            var parts = line[1..].Split(' ');
            if (parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                long? start = long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
                _running[id] = new ProcessIdentity(id, start);
            }
        }
        else if (line[0] == '-' && int.TryParse(line.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var ended))
        {
            _running.Remove(ended);
        }
    }

    /// <summary>Kills the groups of the children still listed that are still the same processes; returns how many.</summary>
    public int EndRunning() => CliChildren.KillGroups(_running.Values);
}
