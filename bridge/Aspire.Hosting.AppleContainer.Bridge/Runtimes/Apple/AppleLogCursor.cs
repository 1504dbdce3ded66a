namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Delivers each line of a container's log once, from successive full reads of <c>container logs &lt;id&gt;</c>.
/// </summary>
/// <remarks>
/// Why full reads: <c>logs --follow</c> cannot be trusted line by line. It prints the file, seeks to its end again
/// (what was appended in between is skipped), then splits each read chunk on newlines and drops empty pieces
/// (ContainerLogs.swift@1.2.2:98-131), so a line written in two chunks arrives as two lines, an empty line vanishes,
/// and a chunk cut inside a UTF-8 character is dropped whole. A full read prints the whole file with its leading and
/// trailing newlines trimmed (ContainerLogs.swift@1.2.2:84-95), so every read is a prefix-stable picture of the log,
/// except that its last line may still be growing and that it cannot show whether the last line has ended. The last
/// line is therefore held back until a later line follows it, the container has exited, or it stayed the same for
/// <see cref="SettleTime"/>; if such a settled line later grows after all, only what was added is delivered.
/// A read shorter than what was delivered means the log was truncated (the runtime truncates it when the container
/// starts again: RuntimeService.swift@1.2.2:1417-1425), and delivery starts over from its first line.
/// </remarks>
internal sealed class AppleLogCursor(TimeProvider time)
{
    /// <summary>How long an unchanged last line waits before it is taken as complete.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMilliseconds(750);

    private int _delivered;
    private string? _shownOfNext;
    private string? _lastSeen;
    private long _lastSeenAt;

    /// <summary>Whether the last line of the latest read is held back (a read after <see cref="SettleTime"/> may release it).</summary>
    public bool HoldsBackALine { get; private set; }

    /// <summary>The lines of <paramref name="read"/> not yet delivered; with <paramref name="final"/> the last line too.</summary>
    /// <param name="read">Every line of one full read, in order (an empty log is no lines).</param>
    /// <param name="final">The container has exited and this read came after its exit: nothing more will be written.</param>
    public IReadOnlyList<string> Advance(IReadOnlyList<string> read, bool final)
    {
        if (read.Count < _delivered || (read.Count == _delivered && _shownOfNext is not null))
        {
            (_delivered, _shownOfNext, _lastSeen) = (0, null, null);
        }

        HoldsBackALine = false;
        var fresh = new List<string>();
        for (var index = _delivered; index < read.Count; index++)
        {
            var line = read[index];
            var isLast = index == read.Count - 1;
            if (isLast && !final && !IsSettled(line))
            {
                HoldsBackALine = true;
                break;
            }

            var shown = index == _delivered ? _shownOfNext : null;
            if (shown is null || !line.StartsWith(shown, StringComparison.Ordinal))
            {
                fresh.Add(line);
            }
            else if (line.Length > shown.Length)
            {
                fresh.Add(line[shown.Length..]);
            }

            if (isLast && !final)
            {
                // Taken as complete, but it may still grow: remember what was shown of it.
                _shownOfNext = line;
                break;
            }

            _delivered = index + 1;
            _shownOfNext = null;
        }

        return fresh;
    }

    private bool IsSettled(string lastLine)
    {
        var now = time.GetTimestamp();
        if (!string.Equals(lastLine, _lastSeen, StringComparison.Ordinal))
        {
            (_lastSeen, _lastSeenAt) = (lastLine, now);
            return false;
        }

        return time.GetElapsedTime(_lastSeenAt, now) >= SettleTime;
    }
}
