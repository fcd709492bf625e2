using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Contracts.Routing.V1;
using Microsoft.Data.Sqlite;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// A hub upgraded to the routing counters (migration 013) on a database of decisions made before them shows the
/// figures it showed before: the migration fills the counters from what is stored.
/// </summary>
public sealed class RoutingCountersUpgradeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hub-upgrade-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_upgraded_hub_shows_the_figures_it_showed_before()
    {
        var settings = new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(_folder, "hub.db") };
        GetRoutingMetricsResponse before;
        DateTimeOffset now;
        GetRoutingMetricsRequest window;
        using (var hub = new SandboxHub(new(settings)))
        {
            var start = hub.Time.GetUtcNow();
            window = new GetRoutingMetricsRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(start.AddHours(1)),
            };
            await hub.AvailableAsync("005BDR010000000YBA", "005SDR010000000YBA");
            var pounce = await hub.RouteAsync("203.0.113.5");
            hub.Time.Advance(TimeSpan.FromSeconds(3));
            await hub.Conversations.AcceptOfferAsync(
                new AcceptOfferRequest { ConversationId = pounce.ConversationId, RepId = "005BDR010000000YBA" }
            );
            var declined = await hub.RouteAsync("192.0.2.200");
            hub.Time.Advance(TimeSpan.FromSeconds(12));
            await hub.Conversations.DeclineOfferAsync(
                new DeclineOfferRequest { ConversationId = declined.ConversationId, RepId = declined.Target.RepId }
            );
            await hub.RouteAsync("192.0.2.201");
            await hub.RouteLeadAsync(SandboxHub.Lead("vp@acme.com", "Acme Corp", "US", "VP Operations"));
            hub.Time.Advance(TimeSpan.FromSeconds(2));
            before = await hub.Routing.GetRoutingMetricsAsync(window);
            now = hub.Time.GetUtcNow();
        }

        BackToBeforeTheCounters();
        using var upgraded = new SandboxHub(new(settings));
        upgraded.Time.SetUtcNow(now);
        var after = await upgraded.Routing.GetRoutingMetricsAsync(window);

        Assert.Equal(
            (1, 1, 3, 1),
            (
                before.SessionsRoutedForPounce,
                before.SuccessfulPounceConversations,
                before.SessionsWaited,
                before.OffersDeclined
            )
        );
        Assert.Equal(4, before.DecisionsPerHour.Sum(h => h.Decisions));
        Assert.Equal(before, after);
    }

    /// <summary>
    /// The database as a hub before migration 013 left it: no counters, and conversations that never recorded how
    /// their offer ended, when, or to whom a pounce alert went.
    /// </summary>
    private void BackToBeforeTheCounters()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "hub.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText =
            "DROP INDEX ix_conversations_state; DROP TABLE routing_counts; DROP TABLE routing_counts_daily; "
            + "DELETE FROM schema_migrations WHERE version = 13; UPDATE conversations SET payload = "
            + "json_remove(payload, '$.offerOutcome', '$.offerAnsweredAt', '$.pounceRepId');";
        command.ExecuteNonQuery();
    }
}
