using Aspire.Hosting.AppleContainer.Bridge;
using Aspire.Hosting.AppleContainer.Bridge.Diagnostics;
using Microsoft.Build.Utilities;

namespace Aspire.Hosting.AppleContainer.Tasks.Diagnostics;

/// <summary>Logs the product's coded diagnostics through a task's <see cref="TaskLoggingHelper"/>.</summary>
internal static class DiagnosticLog
{
    /// <summary>Logs a coded error from <c>TaskMessages.resx</c>, optionally pointing at a file and line.</summary>
    public static void CodedError(this TaskLoggingHelper log, string name, string? file, int line, params object?[] arguments)
    {
        var message = TaskMessages.Format(name, out var code, arguments);
        log.LogError(null, code, null, file, line, 0, 0, 0, message);
    }

    /// <summary>Logs a coded warning from <c>TaskMessages.resx</c>.</summary>
    public static void CodedWarning(this TaskLoggingHelper log, string name, params object?[] arguments)
    {
        var message = TaskMessages.Format(name, out var code, arguments);
        log.LogWarning(null, code, null, null, 0, 0, 0, 0, message);
    }

    /// <summary>Logs an uncoded message from <c>TaskMessages.resx</c> at <paramref name="importance"/>.</summary>
    public static void Message(this TaskLoggingHelper log, Microsoft.Build.Framework.MessageImportance importance, string name, params object?[] arguments) =>
        log.LogMessage(importance, TaskMessages.Format(name, out _, arguments));

    /// <summary>
    /// Logs a file the task could not read or write (<see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>)
    /// as ACTR4011 instead of letting MSBuild report MSB4018 with a stack trace.
    /// </summary>
    public static void FileAccessError(this TaskLoggingHelper log, string task, Exception exception) =>
        log.CodedError("FileAccessFailed", null, 0, task, exception.Message);

    /// <summary>Whether <paramref name="exception"/> is a file the task could not read or write.</summary>
    public static bool IsFileAccess(Exception exception) => exception is IOException or UnauthorizedAccessException;

    /// <summary>Logs a bridge failure with the bridge's own <c>ACTR</c> diagnostic (its message and remedy), optionally at a file.</summary>
    public static void BridgeError(this TaskLoggingHelper log, BridgeException exception, string? file = null)
    {
        var diagnostic = DiagnosticCatalog.Describe(exception);
        log.LogError(null, diagnostic.Id, null, file, 0, 0, 0, 0, WithoutId(diagnostic));
    }

    /// <summary>The bridge diagnostic's text without its leading id (MSBuild prints the code itself).</summary>
    public static string WithoutId(BridgeDiagnostic diagnostic)
    {
        var text = diagnostic.ToString();
        var prefix = diagnostic.Id + ": ";
        return text.StartsWith(prefix, StringComparison.Ordinal) ? text[prefix.Length..] : text;
    }
}
