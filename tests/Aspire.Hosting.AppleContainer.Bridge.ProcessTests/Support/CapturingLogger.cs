using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Bridge.ProcessTests.Support;

/// <summary>Keeps every entry with its structured state.</summary>
internal sealed class CapturingLogger : ILogger
{
    public List<Entry> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        lock (Entries)
        {
            Entries.Add(new Entry(logLevel, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value)));
        }
    }

    public sealed record Entry(LogLevel Level, string Message, Dictionary<string, object?> State);
}
