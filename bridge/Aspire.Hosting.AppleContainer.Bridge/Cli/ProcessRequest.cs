namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>One CLI invocation: an executable and an argv list (never a shell string).</summary>
internal sealed record ProcessRequest
{
    /// <summary>The executable's path or name.</summary>
    public required string FileName { get; init; }

    /// <summary>The arguments, passed one by one through <see cref="System.Diagnostics.ProcessStartInfo.ArgumentList"/>.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Environment overrides for the child; a null value removes the variable.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The working directory, or the current one when null.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Text written to standard input, which is then closed. Stdin is closed at once when null.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Bytes written to standard input (a tar, say), which is then closed; wins over <see cref="StandardInput"/>.</summary>
    public ReadOnlyMemory<byte>? StandardInputBytes { get; init; }

    /// <summary>Keep standard input open (for processes that must not see EOF, such as attached observers).</summary>
    public bool KeepStandardInputOpen { get; init; }

    /// <summary>The time limit, after which the process is stopped and <see cref="BridgeErrorCode.Timeout"/> thrown.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The signal sent first when the call is canceled or times out.</summary>
    public ProcessSignal CancelSignal { get; init; } = ProcessSignal.Interrupt;

    /// <summary>How long the process may take to exit after <see cref="CancelSignal"/> before it is killed.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(2);
}
