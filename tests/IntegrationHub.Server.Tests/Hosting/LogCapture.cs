using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>
/// Keeps every line the hosted hub logs, at every level: for tests that check what must never be
/// logged, and for tests that wait for something the hub reports only in its log.
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IEnumerable<CapturedLog> Entries => _entries;

    /// <summary>Each entry as text, with its exception.</summary>
    public IEnumerable<string> Lines => _entries.Select(e => e.Message + " " + e.Exception);

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose() { }

    private sealed class CategoryLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        ) => capture._entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), exception));
    }
}

/// <summary>One line the hub logged.</summary>
public sealed record CapturedLog(string Category, LogLevel Level, string Message, Exception? Exception);
