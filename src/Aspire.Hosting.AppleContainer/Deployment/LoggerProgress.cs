using Aspire.Hosting.AppleContainer.Bridge;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Deployment;

/// <summary>Writes each progress line of a bridge operation (build, push) to the publish log.</summary>
internal sealed class LoggerProgress(ILogger logger, string runtime, string image, LogLevel level) : IProgress<ProgressEvent>
{
    /// <inheritdoc />
    public void Report(ProgressEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        logger.Log(level, "{Runtime} {Operation} {ImageName}: {Line}", runtime, value.Operation, image, value.Message);
    }
}
