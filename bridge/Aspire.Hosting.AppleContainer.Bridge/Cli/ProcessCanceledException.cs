namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>
/// A CLI process stopped because the caller's token fired: an <see cref="OperationCanceledException"/> carrying that
/// token (cancellation is not a failure), with what the process said while it stopped, for diagnostics and tests.
/// </summary>
internal sealed class ProcessCanceledException(string message, CancellationToken cancellationToken)
    : OperationCanceledException(message, cancellationToken)
{
    /// <summary>The argv of the stopped call (secrets are never on an argv).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The process's exit code, when it was reaped within the bounded wait.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The last part of the process's standard error (bounded).</summary>
    public string? StandardError { get; init; }
}
