using System.Collections.Concurrent;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// The attached observers of this process, shared by every runtime instance that drives the same CLI, and the exits
/// they saw (so <c>inspect</c> can report a known exit code and finish time after the fact).
/// </summary>
internal sealed class AppleObserverRegistry
{
    private static readonly ConcurrentDictionary<string, AppleObserverRegistry> Registries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public static AppleObserverRegistry For(string executablePath) =>
        Registries.GetOrAdd(Path.GetFullPath(executablePath), _ => new AppleObserverRegistry());

    /// <summary>Registers the observer of the run that starts now, replacing a previous run's record.</summary>
    public void Add(string id, AppleExitObserver observer) => _entries[id] = new Entry(observer, DateTimeOffset.UtcNow);

    public AppleExitObserver? Observer(string id) => _entries.TryGetValue(id, out var entry) ? entry.Observer : null;

    /// <summary>
    /// The exit the observer saw for the run that started at <paramref name="startedAt"/> (the runtime's
    /// <c>startedDate</c>); null when unknown, still running, or the record belongs to another run.
    /// </summary>
    public ObservedExit? CompletedExit(string id, DateTimeOffset? startedAt)
    {
        if (!_entries.TryGetValue(id, out var entry) || !entry.Confirmed || !entry.Observer.Completion.IsCompletedSuccessfully)
        {
            return null;
        }

        // startedDate is set when the init process starts, after the observer was launched (ContainersService.swift @1.0.0).
        var sameRun = startedAt is null || startedAt.Value >= entry.LaunchedAt.AddSeconds(-1);
        return sameRun ? entry.Observer.Completion.Result : null;
    }

    public void Remove(string id) => _entries.TryRemove(id, out _);

    /// <summary>
    /// Settles an ended observer after one inspect: its code is the container's only if the container stopped; an
    /// observer that ended while the container still runs was lost (killed from outside) and its record is dropped.
    /// </summary>
    public void Settle(string id, AppleExitObserver observer, bool containerStopped)
    {
        if (_entries.TryGetValue(id, out var entry) && ReferenceEquals(entry.Observer, observer))
        {
            if (containerStopped)
            {
                entry.Confirmed = true;
            }
            else
            {
                _entries.TryRemove(new KeyValuePair<string, Entry>(id, entry));
            }
        }
    }

    private sealed record Entry(AppleExitObserver Observer, DateTimeOffset LaunchedAt)
    {
        public volatile bool Confirmed;
    }
}
