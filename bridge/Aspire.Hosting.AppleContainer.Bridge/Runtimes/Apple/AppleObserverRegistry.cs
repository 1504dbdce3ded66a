using System.Collections.Concurrent;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// What this process knows about the containers of one CLI, shared by every runtime instance that drives it: the
/// attached observers and the exits they saw (so <c>inspect</c> can report a known exit code and finish time after the
/// fact), and which containers are known to have run.
/// </summary>
internal sealed class AppleObserverRegistry
{
    private static readonly ConcurrentDictionary<string, AppleObserverRegistry> Registries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _ran = new(StringComparer.Ordinal);

    public static AppleObserverRegistry For(string executablePath) =>
        Registries.GetOrAdd(Path.GetFullPath(executablePath), _ => new AppleObserverRegistry());

    /// <summary>Registers the observer of the run that starts now, replacing a previous run's record.</summary>
    public void Add(string id, AppleExitObserver observer) => _entries[id] = new Entry(observer, DateTimeOffset.UtcNow);

    public AppleExitObserver? Observer(string id) => _entries.TryGetValue(id, out var entry) ? entry.Observer : null;

    /// <summary>When the observer of <paramref name="id"/>'s current record was launched.</summary>
    public DateTimeOffset? LaunchedAt(string id) => _entries.TryGetValue(id, out var entry) ? entry.LaunchedAt : null;

    /// <summary>
    /// The exit the observer saw for the run that started at <paramref name="startedAt"/> (the runtime's
    /// <c>startedDate</c>), when its code was confirmed as the container's; null when unknown, still running, or the
    /// record belongs to another run. A container without <c>startedDate</c> is never matched: after the API server
    /// restarts, every container loads without one (ContainersService.swift@1.2.2:136-141).
    /// </summary>
    public ObservedExit? CompletedExit(string id, DateTimeOffset? startedAt)
    {
        if (!_entries.TryGetValue(id, out var entry) || !entry.Trusted || !entry.Observer.Completion.IsCompletedSuccessfully)
        {
            return null;
        }

        return IsRunOf(entry, startedAt) ? entry.Observer.Completion.Result : null;
    }

    public void Remove(string id) => _entries.TryRemove(id, out _);

    /// <summary>
    /// Settles an ended observer after one inspect. Its code is the container's only when the inspect shows the container
    /// stopped after a run that started once the observer was launched (<c>startedDate</c> is set when the init process
    /// starts: ContainersService.swift@1.2.2:540-560): a start that failed, a run cut short by an API-server restart
    /// (which clears <c>startedDate</c>), or a container deleted meanwhile leave the code unknown. An observer that ended
    /// while the container still runs was lost (killed from outside) and its record is dropped.
    /// </summary>
    /// <returns>Whether the observer's code is the container's.</returns>
    public bool Settle(string id, AppleExitObserver observer, ContainerInfo? after, bool cliFailedAfterStart)
    {
        if (!_entries.TryGetValue(id, out var entry) || !ReferenceEquals(entry.Observer, observer))
        {
            return false;
        }

        if (after is { State: ContainerState.Running or ContainerState.Stopping })
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            return false;
        }

        entry.Trusted = after is { State: ContainerState.Exited } && IsRunOf(entry, after.StartedAt) && !cliFailedAfterStart;
        return entry.Trusted;
    }

    /// <summary>Records that <paramref name="id"/> has run (a start of this process, or a <c>startedDate</c> seen).</summary>
    public void MarkRan(string id) => _ran[id] = true;

    /// <summary>Forgets <paramref name="id"/>'s history (it was removed, or a new container took its name).</summary>
    public void Forget(string id)
    {
        _ran.TryRemove(id, out _);
        _entries.TryRemove(id, out _);
    }

    /// <summary>Whether <paramref name="id"/> is known to have run.</summary>
    public bool HasRun(string id) => _ran.ContainsKey(id);

    private static bool IsRunOf(Entry entry, DateTimeOffset? startedAt) => startedAt is { } started && started >= entry.LaunchedAt.AddSeconds(-1);

    private sealed record Entry(AppleExitObserver Observer, DateTimeOffset LaunchedAt)
    {
        public volatile bool Trusted;
    }
}
