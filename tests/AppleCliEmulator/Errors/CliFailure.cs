namespace AppleCliEmulator.Errors;

/// <summary>
/// A failure that ends the CLI the way swift-argument-parser's <c>exit(withError:)</c> does
/// (ParsableArguments.swift@1.8.2:228–246, MessageInfo.swift@1.8.2): an error printed as <c>Error: …</c> with exit 1,
/// a validation error printed with the usage and exit 64, or a bare exit code.
/// </summary>
internal sealed class CliFailure : Exception
{
    private CliFailure(SwiftError? error, string? validation, string? usage, int exitCode)
        : base(error?.Described ?? validation ?? $"exit {exitCode}")
    {
        Error = error;
        Validation = validation;
        Usage = usage;
        ExitCode = exitCode;
    }

    /// <summary>The error, for a failure printed as <c>Error: …</c>.</summary>
    public SwiftError? Error { get; }

    /// <summary>The message of a <c>ValidationError</c> (printed with the usage, exit 64).</summary>
    public string? Validation { get; }

    /// <summary>The usage text printed after a validation message.</summary>
    public string? Usage { get; }

    public int ExitCode { get; }

    public static CliFailure Of(SwiftError error) => new(error, null, null, 1);

    /// <summary>A <c>ValidationError</c> or a parse error: <c>ExitCode.validationFailure</c> (64) with the usage.</summary>
    public static CliFailure ValidationError(string message, string usage) => new(null, message, usage, 64);

    /// <summary><c>throw ArgumentParser.ExitCode(n)</c>: nothing printed (MessageInfo.swift@1.8.2:123–124).</summary>
    public static CliFailure Exit(int code) => new(null, null, null, code);
}
