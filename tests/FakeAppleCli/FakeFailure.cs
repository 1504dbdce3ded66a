namespace FakeAppleCli;

/// <summary>A failure printed the way Apple's CLI prints a ContainerizationError.</summary>
internal sealed class FakeFailure(string code, string message, int exitCode = 1) : Exception(message)
{
    public string Code { get; } = code;

    public int ExitCode { get; } = exitCode;

    public static FakeFailure NotFound(string message) => new("notFound", message);

    public static FakeFailure Exists(string message) => new("exists", message);

    public static FakeFailure InvalidArgument(string message) => new("invalidArgument", message);

    public static FakeFailure InvalidState(string message) => new("invalidState", message);

    public static FakeFailure Internal(string message) => new("internalError", message);
}
