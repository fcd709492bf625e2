using Microsoft.Extensions.Logging;

namespace IntegrationHub.Storage.Tests;

/// <summary>The warnings and errors a component logged, as a person reading the log would see them.</summary>
internal sealed class Warnings<T> : ILogger<T>
{
    public List<string> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter
    )
    {
        if (logLevel >= LogLevel.Warning)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
