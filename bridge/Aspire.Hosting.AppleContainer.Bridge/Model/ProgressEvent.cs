namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>A progress line from a pull or a build, as the runtime printed it.</summary>
/// <param name="Operation">What is progressing: <c>pull</c> or <c>build</c>.</param>
/// <param name="Message">The line.</param>
/// <param name="IsError">Whether the runtime wrote it as an error (not whether it came on stderr).</param>
internal sealed record ProgressEvent(string Operation, string Message, bool IsError = false);
