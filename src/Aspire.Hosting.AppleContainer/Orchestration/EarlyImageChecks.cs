using System.Collections.Concurrent;
using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Orchestration;

/// <summary>
/// Image presence checks started while Aspire starts the rest of the application, so a resource's first start finds
/// the answer ready. Only a positive early answer is used, and only by first starts; anything else asks the runtime.
/// </summary>
internal sealed class EarlyImageChecks
{
    private readonly ConcurrentDictionary<string, Task<bool>> _checks = new(StringComparer.Ordinal);

    /// <summary>Starts one check per distinct image.</summary>
    public void Start(IContainerRuntime runtime, IEnumerable<string> images, CancellationToken cancellationToken)
    {
        foreach (var image in images)
        {
            _checks.GetOrAdd(image, name => runtime.ImageExistsAsync(name, cancellationToken));
        }
    }

    /// <summary>Whether <paramref name="image"/> exists: the early answer on a first start when it was yes, otherwise the runtime's.</summary>
    public async Task<bool> ExistsAsync(IContainerRuntime runtime, string image, bool firstStart, CancellationToken cancellationToken)
    {
        if (firstStart && _checks.TryGetValue(image, out var early))
        {
            try
            {
                if (await early.WaitAsync(cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }
            }
            catch (BridgeException)
            {
                // Asked again below, where a failure is the resource's to report.
            }
        }

        return await runtime.ImageExistsAsync(image, cancellationToken).ConfigureAwait(false);
    }
}
