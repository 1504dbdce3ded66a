using FakeAppleCli;

try
{
    return Cli.Run(args);
}
catch (FakeFailure failure)
{
    // swift-argument-parser's exit(withError:) prints "Error: <description>"; a ContainerizationError describes
    // itself as `<code>: "<message>"` (docs/how-to.md @1.0.0 shows `Error: unsupported: "…"`).
    Console.Error.WriteLine($"Error: {failure.Code}: \"{failure.Message}\"");
    return failure.ExitCode;
}
