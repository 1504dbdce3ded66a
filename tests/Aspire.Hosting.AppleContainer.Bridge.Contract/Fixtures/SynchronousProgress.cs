namespace Aspire.Hosting.AppleContainer.Bridge.Contract;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (unlike <see cref="Progress{T}"/>).</summary>
/// <param name="onReport">Called for each event.</param>
internal sealed class SynchronousProgress(Action<ProgressEvent> onReport) : IProgress<ProgressEvent>
{
    /// <inheritdoc />
    public void Report(ProgressEvent value) => onReport(value);
}
