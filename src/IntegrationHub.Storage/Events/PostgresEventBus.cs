using System.Text.Json;
using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IntegrationHub.Storage.Events;

/// <summary>
/// Events across hub instances through PostgreSQL LISTEN/NOTIFY on one channel. Every
/// instance, the publisher included, hears every event and hands it to its own subscribers.
/// A payload too large for NOTIFY (8000 bytes) travels by reference to a row.
/// </summary>
public sealed partial class PostgresEventBus(Database database, TimeProvider time, ILogger<PostgresEventBus> logger)
    : BackgroundService,
        IHubEventBus
{
    public const string PgChannel = "integrationhub_events";
    private const int InlineLimit = 7000;
    private readonly LocalFanout _fanout = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this instance is listening (events published before that are not seen here).</summary>
    public Task Listening => _listening.Task;

    public Task PublishAsync(string channel, string payload, CancellationToken cancellationToken) =>
        PublishAsync([(channel, payload)], cancellationToken);

    public async Task PublishAsync(
        IReadOnlyList<(string Channel, string Payload)> events,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var messages = new List<(string, object?)>(events.Count);
        foreach (var (channel, payload) in events)
        {
            string message;
            if (payload.Length > InlineLimit)
            {
                var id = Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
                await connection.ExecuteAsync(
                    "INSERT INTO event_payloads (id, payload, created_at) VALUES (@id, @payload, @now)",
                    null,
                    cancellationToken,
                    ("id", id),
                    ("payload", payload),
                    ("now", time.GetUtcNow().Millis())
                );
                message = JsonSerializer.Serialize(new Envelope(channel, null, id));
            }
            else
            {
                message = JsonSerializer.Serialize(new Envelope(channel, payload, null));
            }

            messages.Add(($"m{messages.Count}", message));
        }

        await connection.ExecuteAsync(
            "SELECT " + string.Join(", ", messages.Select(m => $"pg_notify(@channel, @{m.Item1})")),
            null,
            cancellationToken,
            [("channel", PgChannel), .. messages]
        );
    }

    public EventSubscription Subscribe(string channel) => _fanout.Subscribe(channel);

    /// <summary>
    /// An event with a small payload as a statement of a transaction: PostgreSQL delivers it when (and only if) the
    /// transaction commits, with no round trip of its own.
    /// </summary>
    internal static SqlStatement Notify(string channel, string payload) =>
        new(
            "SELECT pg_notify(@channel, @message)",
            ("channel", PgChannel),
            ("message", JsonSerializer.Serialize(new Envelope(channel, payload, null)))
        );

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(database.PostgresConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => _ = OnNotificationAsync(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PgChannel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                LogListenerLost(logger, ex);
                // Machine time, as the outbox's poll: a hub on a clock that stands still (a test's) must listen again.
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task OnNotificationAsync(string message)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(message);
            if (envelope is null)
            {
                return;
            }

            var payload = envelope.Payload;
            if (payload is null && envelope.Ref is { } id)
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                payload = (
                    await connection.QueryAsync(
                        "SELECT payload FROM event_payloads WHERE id = @id",
                        null,
                        r => r.GetString(0),
                        CancellationToken.None,
                        ("id", id)
                    )
                ).FirstOrDefault();
            }

            if (payload is not null)
            {
                _fanout.Deliver(envelope.Channel, payload);
            }
        }
        catch (Exception ex) when (ex is JsonException or NpgsqlException)
        {
            LogBadNotification(logger, ex);
        }
    }

    private sealed record Envelope(string Channel, string? Payload, string? Ref);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the PostgreSQL event listener; reconnecting")]
    private static partial void LogListenerLost(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an event notification that could not be read")]
    private static partial void LogBadNotification(ILogger logger, Exception exception);
}
