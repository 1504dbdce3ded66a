using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.AppleContainer.Tests.Support;

/// <summary>A logger (and logger factory) that keeps every formatted message with its level, for assertions on what was logged.</summary>
internal sealed class CollectingLogger : ILogger, ILoggerFactory, ILoggerProvider
{
    /// <summary>Every message, as <c>Level: text</c>.</summary>
    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>All messages as one text.</summary>
    public string Text => string.Join('\n', Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)}{(exception is null ? string.Empty : " " + exception.Message)}");

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
