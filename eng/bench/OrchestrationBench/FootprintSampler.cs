namespace OrchestrationBench;

/// <summary>
/// Samples an AppHost's tree (<see cref="ProcessTree"/>) every <see cref="Interval"/> from its start until disposed,
/// feeding the peaks of a <see cref="Footprint"/> (a runtime CLI that lives shorter than the interval may be missed).
/// </summary>
internal sealed class FootprintSampler : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public FootprintSampler(int appHostId, Footprint footprint) => _loop = Task.Run(() => LoopAsync(appHostId, footprint));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync(int appHostId, Footprint footprint)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            footprint.AddPeakSample(ProcessTree.Sample(appHostId));
        }
        while (await Tick(timer));
    }

    private async Task<bool> Tick(PeriodicTimer timer)
    {
        try
        {
            return await timer.WaitForNextTickAsync(_stop.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
