using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// Asks one fact source and reports how it went: a value, not found, failed (with the
/// connector's reason) or timed out at the decision's deadline. Only the caller's own
/// cancellation escapes as an exception.
/// </summary>
public sealed partial class SourceCall(FactSources sources, TimeProvider time, ILogger logger)
{
    /// <summary>The lookups of one decision, under <paramref name="deadline"/> from now.</summary>
    public FactLookups Begin(TimeSpan deadline, CancellationToken callerToken) =>
        new(this, deadline, time, callerToken);

    public async Task<Sourced<T>> AskAsync<T>(
        string source,
        Capability capability,
        Func<CancellationToken, Task<T?>> call,
        CancellationToken deadline,
        CancellationToken callerToken
    )
        where T : class
    {
        var connector = sources.NameOf(capability);
        var started = time.GetTimestamp();
        using var span = RoutingTelemetry.Source.StartActivity("fact " + source);
        span?.SetTag("hub.source", source)
            .SetTag("hub.capability", capability.Key())
            .SetTag("hub.connector", connector);
        SourceReport Report(SourceStatus status, string? error)
        {
            var report = new SourceReport(
                source,
                capability.Key(),
                connector,
                status,
                time.GetElapsedTime(started),
                error
            );
            var outcome = status.ToString().ToLowerInvariant();
            span?.SetTag("hub.source.status", outcome)
                .SetStatus(
                    status is SourceStatus.Failed or SourceStatus.TimedOut
                        ? System.Diagnostics.ActivityStatusCode.Error
                        : System.Diagnostics.ActivityStatusCode.Ok,
                    error
                );
            RoutingTelemetry.SourceDuration.Record(
                report.Latency.TotalMilliseconds,
                new KeyValuePair<string, object?>("source", source),
                new KeyValuePair<string, object?>("connector", connector),
                new KeyValuePair<string, object?>("status", outcome)
            );
            return report;
        }

        try
        {
            var value = await call(deadline).WaitAsync(deadline);
            return new Sourced<T>(value, Report(value is null ? SourceStatus.NotFound : SourceStatus.Ok, null));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return new Sourced<T>(null, Report(SourceStatus.TimedOut, "no answer within the routing deadline"));
        }
        catch (ConnectorException ex) when (ex.Kind == ConnectorErrorKind.NotFound)
        {
            return new Sourced<T>(null, Report(SourceStatus.NotFound, null));
        }
        catch (ConnectorException ex)
        {
            return new Sourced<T>(null, Report(SourceStatus.Failed, $"{ex.Kind}: {ex.Message}"));
        }
        catch (Exception ex)
        {
            // A plugin bug must not take routing down with it; the explanation shows it.
            LogSourceBug(logger, ex, source, connector);
            return new Sourced<T>(null, Report(SourceStatus.Failed, $"unexpected {ex.GetType().Name}"));
        }
    }

    public static Sourced<T> NotAsked<T>(string source, Capability capability)
        where T : class =>
        new(null, new SourceReport(source, capability.Key(), "-", SourceStatus.NotAsked, TimeSpan.Zero, null));

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Fact source {Source} ({Connector}) failed unexpectedly; routing went on without it"
    )]
    private static partial void LogSourceBug(ILogger logger, Exception exception, string source, string connector);
}
