namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// The output an attached observer received, stdout and stderr told apart (ProcessIO.create @1.0.0 gives the attached
/// CLI separate pipes when no TTY is used), which <c>container logs</c> cannot do: the runtime writes both streams into
/// one log file (MultiWriter in RuntimeService.swift @1.0.0). Kept in memory only, bounded; once the bound is passed
/// the capture is marked truncated and readers fall back to <c>container logs</c>.
/// </summary>
internal sealed class AppleCapturedOutput
{
    /// <summary>The most characters kept before the capture is truncated.</summary>
    public const int MaxCharacters = 16 * 1024 * 1024;

    private readonly List<ContainerLogLine> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _characters;

    /// <summary>Starts a capture that continues <paramref name="previous"/> (a restart keeps the earlier runs' lines).</summary>
    public AppleCapturedOutput(AppleCapturedOutput? previous = null)
    {
        if (previous is not null)
        {
            lock (previous._lines)
            {
                _lines.AddRange(previous._lines);
                _characters = previous._characters;
                Truncated = previous.Truncated;
            }
        }
    }

    /// <summary>Whether lines were dropped (the capture can no longer serve reads).</summary>
    public bool Truncated { get; private set; }

    /// <summary>Whether the observer ended (no more lines will come).</summary>
    public bool Completed { get; private set; }

    public void Append(ContainerLogLine line)
    {
        lock (_lines)
        {
            if (Truncated)
            {
                return;
            }

            _characters += line.Text.Length;
            if (_characters > MaxCharacters)
            {
                Truncated = true;
                _lines.Clear();
            }
            else
            {
                _lines.Add(line);
            }

            Pulse();
        }
    }

    public void Complete()
    {
        lock (_lines)
        {
            Completed = true;
            Pulse();
        }
    }

    /// <summary>The lines from <paramref name="start"/> on, whether the capture is complete, and a task that completes on the next change.</summary>
    public (IReadOnlyList<ContainerLogLine> Lines, bool Completed, Task Changed) Read(int start)
    {
        lock (_lines)
        {
            var lines = start < _lines.Count ? _lines.GetRange(start, _lines.Count - start) : [];
            return (lines, Completed, _changed.Task);
        }
    }

    private void Pulse()
    {
        var changed = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        changed.TrySetResult();
    }
}
