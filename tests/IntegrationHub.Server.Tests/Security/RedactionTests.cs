using IntegrationHub.Server.Logging;
using IntegrationHub.Server.Tests.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>Personal data never reaches a log above Debug: emails, phone numbers and IP addresses are masked.</summary>
public sealed class RedactionTests
{
    public static TheoryData<string, string> Texts =>
        new()
        {
            { "lead jane.doe+x@acme.com upserted", "lead [redacted]@acme.com upserted" },
            { "visitor from 203.0.113.5 on /pricing", "visitor from [redacted] on /pricing" },
            {
                "visitor from 2001:db8::1 and 2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "visitor from [redacted] and [redacted]"
            },
            { "call +1 415 555 0100 or (415) 555-0100", "call [redacted] or [redacted]" },
            { "now listening on http://127.0.0.1:5080", "now listening on http://127.0.0.1:5080" },
            {
                "retrying at 2026-11-23T12:20:05Z, attempt 3 of 16, effect 0196a1b2c3d4",
                "retrying at 2026-11-23T12:20:05Z, attempt 3 of 16, effect 0196a1b2c3d4"
            },
        };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Personal_data_is_masked_and_the_rest_kept(string text, string expected) =>
        Assert.Equal(expected, PersonalData.Redact(text));

    [Fact]
    public void Above_debug_messages_values_and_exceptions_are_masked_and_at_debug_they_are_kept()
    {
        var captured = new CapturingProvider();
        using var provider = new RedactingLoggerProvider(captured);
        var logger = provider.CreateLogger("test");

        logger.LogWarning(
            new InvalidOperationException("Salesforce refused jane@acme.com"),
            "Upsert for {Email} from {Ip} failed",
            "jane@acme.com",
            "203.0.113.5"
        );
        logger.LogDebug("Upsert for {Email}", "max@acme.com");

        var (warning, values, exception) = captured.Entries[0];
        Assert.Equal("Upsert for [redacted]@acme.com from [redacted] failed", warning);
        Assert.DoesNotContain(values, v =>
            v.Value is string s
            && (s.Contains("jane@", StringComparison.Ordinal) || s.Contains("203.0.113.5", StringComparison.Ordinal))
        );
        Assert.Contains("Salesforce refused [redacted]@acme.com", exception, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@", exception, StringComparison.Ordinal);
        Assert.Equal("Upsert for max@acme.com", captured.Entries[1].Message);
    }

    [Fact]
    public void Every_logging_provider_of_the_hub_is_wrapped()
    {
        using var hub = new SandboxHub();
        var providers = hub.Services.GetServices<ILoggerProvider>().ToList();

        Assert.NotEmpty(providers);
        Assert.All(providers, p => Assert.IsType<RedactingLoggerProvider>(p));
    }

    private sealed record Entry(string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, string Exception);

    private sealed class CapturingProvider : ILoggerProvider
    {
        public List<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Capturing(this);

        public void Dispose() { }

        private sealed class Capturing(CapturingProvider owner) : ILogger
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
            ) =>
                owner.Entries.Add(
                    new Entry(
                        formatter(state, exception),
                        state as IReadOnlyList<KeyValuePair<string, object?>> ?? [],
                        exception?.ToString() ?? ""
                    )
                );
        }
    }
}
