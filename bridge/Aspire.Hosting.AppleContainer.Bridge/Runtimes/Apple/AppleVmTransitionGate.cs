using System.Collections.Concurrent;

namespace Aspire.Hosting.AppleContainer.Bridge.Apple;

/// <summary>
/// Caps concurrent VM boots and stops for one CLI. Every runtime instance that drives the same executable shares one
/// gate (the first to ask fixes its size), because the VMs behind it share one host and parallel transitions are known
/// to time out on virtio-net.
/// </summary>
internal sealed class AppleVmTransitionGate
{
    private static readonly ConcurrentDictionary<string, AppleVmTransitionGate> Gates = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots;

    private AppleVmTransitionGate(int capacity)
    {
        Capacity = capacity;
        _slots = new SemaphoreSlim(capacity, capacity);
    }

    /// <summary>How many transitions may run at once.</summary>
    public int Capacity { get; }

    /// <summary>How many transitions run now.</summary>
    public int InFlight => Capacity - _slots.CurrentCount;

    /// <summary>The default cap: <c>max(2, processorCount / 4)</c>.</summary>
    public static int DefaultCapacity(int processorCount) => Math.Max(2, processorCount / 4);

    /// <summary>The gate shared by every user of the CLI at <paramref name="executablePath"/>.</summary>
    public static AppleVmTransitionGate For(string executablePath, int? capacity)
    {
        if (capacity is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "At least one VM transition must be allowed.");
        }

        var key = Path.GetFullPath(executablePath);
        return Gates.GetOrAdd(key, _ => new AppleVmTransitionGate(capacity ?? DefaultCapacity(Environment.ProcessorCount)));
    }

    /// <summary>Waits for a slot; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(_slots);
    }

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
