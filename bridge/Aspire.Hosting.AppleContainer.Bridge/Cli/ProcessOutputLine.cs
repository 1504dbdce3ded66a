namespace Aspire.Hosting.AppleContainer.Bridge.Cli;

/// <summary>One line a child process wrote, without its terminator.</summary>
/// <param name="Stream">stdout or stderr.</param>
/// <param name="Text">The text.</param>
internal readonly record struct ProcessOutputLine(LogStream Stream, string Text);
