using System.Diagnostics.Metrics;
using IntegrationHub.Routing.Decisions;

namespace IntegrationHub.Hub.Telemetry;

/// <summary>
/// The hub's own metrics (meter "IntegrationHub"): decisions by rule and fallback, how long reps
/// take to accept offers, cache hits, the outbox's depth and age, and connectors whose credentials the vendor refuses.
/// Vendor HTTP latency and errors come from the HttpClient instrumentation, fact-source latency from the routing
/// engine.
/// </summary>
public static class HubMetrics
{
    public const string Name = "IntegrationHub";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "hub.decisions",
        description: "Routing decisions by kind (visitor, lead), matched rule, target and last fallback"
    );

    private static readonly Histogram<double> OfferAcceptTime = Meter.CreateHistogram<double>(
        "hub.offer.accept_time",
        "s",
        "Time from an offer to its acceptance"
    );

    private static readonly Counter<long> WebhooksWithoutEffect = Meter.CreateCounter<long>(
        "hub.webhooks.without_effect",
        description: "Signed webhook deliveries taken without effect, by connector and reason (replay: the same body "
            + "seen before; stale: delivered too long ago)"
    );

    private static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>(
        "hub.cache.lookups",
        description: "Cache look-ups by cache and result (hit: answered or joined a load in flight; miss: a vendor "
            + "call)"
    );

    private static readonly UpDownCounter<int> CredentialRefusals = Meter.CreateUpDownCounter<int>(
        "hub.connector.credentials_refused",
        description: "Connectors whose vendor refuses the hub's credentials right now (1 while refused), by connector"
    );

    private static long _outboxPending;
    private static double _outboxOldestSeconds;

    static HubMetrics()
    {
        Meter.CreateObservableGauge(
            "hub.outbox.pending",
            () => Volatile.Read(ref _outboxPending),
            description: "Side effects waiting for delivery"
        );
        Meter.CreateObservableGauge(
            "hub.outbox.oldest_age",
            () => Volatile.Read(ref _outboxOldestSeconds),
            "s",
            "Age of the oldest side effect waiting for delivery"
        );
    }

    public static void Decided(string kind, string? rule, RoutingTarget target, Explanation explanation) =>
        Decisions.Add(
            1,
            new("kind", kind),
            new("rule", rule ?? "none"),
            new("target", target.Kind.ToString()),
            new("fallback", explanation.Fallbacks.LastOrDefault()?.Fallback ?? "none")
        );

    public static void OfferAccepted(TimeSpan after) => OfferAcceptTime.Record(after.TotalSeconds);

    public static void WebhookTakenWithoutEffect(string connector, string reason) =>
        WebhooksWithoutEffect.Add(1, new("connector", connector), new("reason", reason));

    public static void CacheLookup(string cache, bool hit) =>
        CacheLookups.Add(1, new("cache", cache), new("result", hit ? "hit" : "miss"));

    public static void CredentialsRefused(string connector, bool refused) =>
        CredentialRefusals.Add(refused ? 1 : -1, new KeyValuePair<string, object?>("connector", connector));

    public static void OutboxSampled(long pending, TimeSpan oldest)
    {
        Volatile.Write(ref _outboxPending, pending);
        Volatile.Write(ref _outboxOldestSeconds, oldest.TotalSeconds);
    }
}
