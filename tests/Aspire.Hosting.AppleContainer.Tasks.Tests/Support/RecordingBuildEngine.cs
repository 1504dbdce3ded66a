using System.Collections;
using Microsoft.Build.Framework;

namespace Aspire.Hosting.AppleContainer.Tasks.Tests.Support;

/// <summary>An <see cref="IBuildEngine"/> that records every event a task logs.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    private readonly object _gate = new();

    public List<BuildErrorEventArgs> Errors { get; } = [];

    public List<BuildWarningEventArgs> Warnings { get; } = [];

    public List<BuildMessageEventArgs> Messages { get; } = [];

    /// <summary>The threads events were logged on (MSBuild expects its own).</summary>
    public HashSet<int> LoggingThreads { get; } = [];

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "test.csproj";

    public void LogErrorEvent(BuildErrorEventArgs e) => Record(Errors, e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Record(Warnings, e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Record(Messages, e);

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException("The image tasks never build other projects.");

    /// <summary>Messages logged at <paramref name="importance"/> or more important.</summary>
    public IEnumerable<string> MessagesAtLeast(MessageImportance importance) =>
        Messages.Where(m => m.Importance <= importance).Select(m => m.Message ?? string.Empty);

    private void Record<T>(List<T> list, T e)
    {
        lock (_gate)
        {
            list.Add(e);
            LoggingThreads.Add(Environment.CurrentManagedThreadId);
        }
    }
}
