namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>An element of <see cref="ProcessRunner.StreamLinesAsync"/>: an output line, or (last) the exit code.</summary>
/// <param name="Line">The line, when <paramref name="ExitCode"/> is null.</param>
/// <param name="ExitCode">The exit code, on the last element only.</param>
internal readonly record struct ProcessStreamItem(ProcessOutputLine Line, int? ExitCode);
