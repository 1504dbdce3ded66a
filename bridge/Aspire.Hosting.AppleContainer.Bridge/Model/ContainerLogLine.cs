namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>One line of container output, without its line terminator. A final line without one is still delivered.</summary>
/// <param name="Stream">Standard output or standard error.</param>
/// <param name="Text">The line's text.</param>
internal sealed record ContainerLogLine(LogStream Stream, string Text);
