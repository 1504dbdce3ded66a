namespace Aspire.Hosting.AppleContainer.Bridge;

/// <summary>Which output stream a line came from.</summary>
internal enum LogStream
{
    /// <summary>Standard output.</summary>
    StandardOutput,

    /// <summary>Standard error.</summary>
    StandardError,
}
