namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>A finished CLI invocation with all of its output.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="StandardOutput">Everything written to stdout.</param>
/// <param name="StandardError">Everything written to stderr.</param>
internal sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);
