using Aspire.Hosting.AppleContainer.Bridge;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <content>Which images the runtime lacks (it has every other one) and pulls, journaled as <c>pull</c>.</content>
internal sealed partial class ScriptedRuntime
{
    private readonly HashSet<string> _lackedImages = new(StringComparer.Ordinal);
    private BridgeException? _pullFailure;

    /// <summary>The runtime does not have <paramref name="image"/> until a pull brings it.</summary>
    public void Lack(string image)
    {
        lock (_lock)
        {
            _lackedImages.Add(image);
        }
    }

    /// <summary>Every pull from now on fails with <paramref name="failure"/>.</summary>
    public void FailPulls(BridgeException failure)
    {
        lock (_lock)
        {
            _pullFailure = failure;
        }
    }

    public override async Task PullImageAsync(string image, string? platform = null, IProgress<ProgressEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        using var call = await EnterAsync("pull", image, cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            if (_pullFailure is { } failure)
            {
                throw failure;
            }

            _lackedImages.Remove(image);
        }
    }

    private bool HasImage(string image)
    {
        lock (_lock)
        {
            return !_lackedImages.Contains(image);
        }
    }
}
