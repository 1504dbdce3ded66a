namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>
/// The one exception the bridge throws. <see cref="Code"/> is a stable string from <see cref="BridgeErrorCode"/>;
/// the rest is context for diagnostics. <see cref="Arguments"/> never contains secret values.
/// </summary>
public sealed class BridgeException : Exception
{
    /// <summary>Creates a bridge exception.</summary>
    /// <param name="code">A stable code, usually one of <see cref="BridgeErrorCode"/>.</param>
    /// <param name="message">A human-readable message.</param>
    /// <param name="innerException">The underlying exception, if any.</param>
    public BridgeException(string code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        Code = code;
    }

    /// <summary>The stable error code (see <see cref="BridgeErrorCode"/>).</summary>
    public string Code { get; }

    /// <summary>The runtime that failed (<c>podman</c>, <c>docker</c>, <c>apple</c>), when known.</summary>
    public string? Runtime { get; init; }

    /// <summary>The argv of the failing CLI call with secrets redacted; empty when no process ran.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The CLI's exit code, when a process ran and exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The last part of the CLI's standard error (bounded), when a process ran.</summary>
    public string? StandardError { get; init; }

    /// <summary>What the user can do about it (e.g. "run `container system start`"), when known.</summary>
    public string? Hint { get; init; }

    /// <summary>The option a runtime cannot honour, for <see cref="BridgeErrorCode.UnsupportedOption"/>.</summary>
    public string? Option { get; init; }

    /// <summary>The same failure under another code (e.g. a CLI failure that, for a build, means <see cref="BridgeErrorCode.BuildFailed"/>).</summary>
    internal BridgeException WithCode(string code) => new(code, Message, this)
    {
        Runtime = Runtime,
        Arguments = Arguments,
        ExitCode = ExitCode,
        StandardError = StandardError,
        Hint = Hint,
        Option = Option,
    };

    /// <inheritdoc />
    public override string ToString()
    {
        var text = $"{Code}: {Message}";
        if (Hint is not null)
        {
            text += $" Hint: {Hint}";
        }

        return text;
    }
}
