using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// One image query for all resources (<see cref="IContainerRuntime.FindImagesAsync"/>), started while Aspire starts
/// the rest of the application, so a resource's first start finds the answer ready. Only a positive early answer is
/// used, and only by first starts; anything else asks the runtime.
/// </summary>
internal sealed class EarlyImageChecks
{
    private Task<IReadOnlySet<string>>? _found;

    /// <summary>Starts the query about <paramref name="images"/> (once; later calls are ignored). Its failures stay in the query.</summary>
    public void Start(IContainerRuntime runtime, IReadOnlyCollection<string> images, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _found) is not null)
        {
            return;
        }

        // Created unstarted, and started only by the call that gets to publish it, so a second call queries nothing.
        var query = new Task<Task<IReadOnlySet<string>>>(() => runtime.FindImagesAsync(images, cancellationToken), cancellationToken);
        if (Interlocked.CompareExchange(ref _found, query.Unwrap(), null) is null)
        {
            query.Start(TaskScheduler.Default);
        }
    }

    /// <summary>Whether <paramref name="image"/> exists: the early answer on a first start when it was yes, otherwise the runtime's.</summary>
    public async Task<bool> ExistsAsync(IContainerRuntime runtime, string image, bool firstStart, CancellationToken cancellationToken)
    {
        if (firstStart && _found is { } found)
        {
            try
            {
                if ((await found.WaitAsync(cancellationToken).ConfigureAwait(false)).Contains(image))
                {
                    return true;
                }
            }
            catch (Exception ex) when (ex is BridgeException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Asked again below, where a failure is the resource's to report.
            }
        }

        return await runtime.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false);
    }
}
