namespace IntegrationHub.Server.Logging;

/// <summary>
/// Wraps every logging provider of the hub: above Debug, messages, their string values and
/// exception texts pass through <see cref="PersonalData.Redact"/> before any provider sees them.
/// Debug and Trace stay whole, for a developer's own machine.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter
        )
        {
            if (logLevel <= LogLevel.Debug || !inner.IsEnabled(logLevel))
            {
                inner.Log(logLevel, eventId, state, exception, formatter);
                return;
            }

            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var redacted = new RedactedState(
                PersonalData.Redact(formatter(state, exception)),
                [
                    .. values.Select(v =>
                        v.Key == "{OriginalFormat}" || v.Value is not string text
                            ? v
                            : new KeyValuePair<string, object?>(v.Key, PersonalData.Redact(text))
                    ),
                ]
            );
            inner.Log(
                logLevel,
                eventId,
                redacted,
                exception is null ? null : new RedactedException(exception),
                static (s, _) => s.Message
            );
        }
    }

    private sealed record RedactedState(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values)
        : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => Values.Count;

        public KeyValuePair<string, object?> this[int index] => Values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => Message;
    }

    /// <summary>The original exception's text, redacted; its type name is kept in the text.</summary>
    private sealed class RedactedException(Exception original) : Exception(PersonalData.Redact(original.Message))
    {
        private readonly string _text = PersonalData.Redact(original.ToString());

        public override string? StackTrace => null;

        public override string ToString() => _text;
    }
}
