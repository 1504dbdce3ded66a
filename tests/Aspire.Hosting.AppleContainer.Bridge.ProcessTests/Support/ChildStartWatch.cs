using Aspire.Hosting.AppleContainer.Bridge.Cli;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>
/// Counts the CLI children started on the async flow that created the watch (<see cref="CliChildren.Started"/> is
/// raised on the flow that starts the child; tests running in parallel start theirs on flows this one does not see).
/// </summary>
internal sealed class ChildStartWatch : IDisposable
{
    private readonly AsyncLocal<bool> _watched = new();
    private int _started;

    private ChildStartWatch()
    {
        _watched.Value = true;
        CliChildren.Started += OnStarted;
    }

    /// <summary>How many children the watched flow started so far.</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Starts watching the calling flow (a synchronous call, so the mark stays on the caller's flow).</summary>
    public static ChildStartWatch OnThisFlow() => new();

    /// <inheritdoc />
    public void Dispose() => CliChildren.Started -= OnStarted;

    private void OnStarted(ProcessIdentity child)
    {
        if (_watched.Value)
        {
            Interlocked.Increment(ref _started);
        }
    }
}
