namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>The result of a command run inside a container.</summary>
/// <param name="ExitCode">The command's exit code.</param>
/// <param name="StandardOutput">Everything it wrote to standard output.</param>
/// <param name="StandardError">Everything it wrote to standard error.</param>
internal sealed record ExecResult(int ExitCode, string StandardOutput, string StandardError);
