using System.Collections.Concurrent;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>
/// Every call a <see cref="ScriptedRuntime"/> received, in order: one entry when a call begins and one when it ends,
/// so a test can tell calls that overlapped from calls that ran one after the other.
/// </summary>
internal sealed class RuntimeJournal
{
    /// <summary>The operations that change a container's life; the runner must never run two of them on one container at once.</summary>
    public static readonly IReadOnlySet<string> LifecycleOperations = new HashSet<string>(StringComparer.Ordinal)
    {
        "run", "create", "start", "stop", "remove",
    };

    private readonly ConcurrentQueue<RuntimeCall> _calls = new();
    private int _sequence;

    /// <summary>Every entry, begins and ends, in order.</summary>
    public IReadOnlyList<RuntimeCall> Entries => [.. _calls];

    /// <summary>The calls that began, in order (one entry per call).</summary>
    public IReadOnlyList<RuntimeCall> Calls => [.. _calls.Where(c => !c.Ended)];

    /// <summary>The calls of <paramref name="operation"/> that began, in order.</summary>
    public IReadOnlyList<RuntimeCall> Of(string operation) => [.. Calls.Where(c => c.Operation == operation)];

    /// <summary>Records the beginning of a call.</summary>
    public RuntimeCall Begin(string operation, string target) => Add(new RuntimeCall(0, operation, target, false));

    /// <summary>Records the end of <paramref name="call"/>.</summary>
    public void End(RuntimeCall call) => Add(call with { Ended = true });

    /// <summary>
    /// Fails when a lifecycle call (<see cref="LifecycleOperations"/>) began on a container while another one on the same
    /// container had not ended.
    /// </summary>
    public void AssertLifecycleCallsSerialized()
    {
        var open = new Dictionary<string, RuntimeCall>(StringComparer.Ordinal);
        foreach (var entry in Entries.Where(e => LifecycleOperations.Contains(e.Operation)))
        {
            if (entry.Ended)
            {
                open.Remove(entry.Target);
            }
            else if (!open.TryAdd(entry.Target, entry))
            {
                Assert.Fail($"'{entry}' began while '{open[entry.Target]}' had not ended. Journal:\n{this}");
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Join('\n', Entries);

    private RuntimeCall Add(RuntimeCall call)
    {
        var numbered = call with { Sequence = Interlocked.Increment(ref _sequence) };
        _calls.Enqueue(numbered);
        return numbered;
    }
}

/// <summary>One entry of a <see cref="RuntimeJournal"/>.</summary>
/// <param name="Sequence">Its place in the journal.</param>
/// <param name="Operation">The operation (<c>run</c>, <c>create</c>, <c>start</c>, <c>stop</c>, <c>remove</c>, <c>inspect</c>, <c>wait</c>, …).</param>
/// <param name="Target">The container name or id the call named, or what else it was about (an image, a volume).</param>
/// <param name="Ended">Whether the entry records the end of the call rather than its beginning.</param>
internal sealed record RuntimeCall(int Sequence, string Operation, string Target, bool Ended)
{
    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} {(Ended ? "end" : "begin")} {Operation} {Target}";
}
