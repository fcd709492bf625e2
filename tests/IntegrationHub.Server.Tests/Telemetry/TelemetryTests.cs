using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Routing;
using IntegrationHub.Server.Composition;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Telemetry;

[CollectionDefinition(nameof(TelemetryTests), DisableParallelization = true)]
public sealed class TelemetryCollection;

/// <summary>
/// What an operator's tracing and metrics backends receive. Run alone (no other test routes at
/// the same time), so the spans and measurements seen here are this test's.
/// </summary>
[Collection(nameof(TelemetryTests))]
public sealed class TelemetryTests
{
    [Fact]
    public async Task One_trace_spans_the_call_the_fact_fan_out_and_each_vendor_http_call()
    {
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is RoutingTelemetry.Name or "System.Net.Http" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        using var hub = new SandboxHub();

        await hub.RouteAsync("203.0.113.5", email: "jane.doe@acme.com");

        var company = Assert.Single(stopped, a => a.DisplayName == "fact company");
        // The fact spans hang off the incoming call (the vendor fakes' own server spans join the same trace further
        // down).
        var call = Assert.Single(stopped, a => a.SpanId == company.ParentSpanId);
        Assert.Equal("Microsoft.AspNetCore.Hosting.HttpRequestIn", call.OperationName);
        var facts = stopped.Where(a => a.Source.Name == RoutingTelemetry.Name && a.TraceId == call.TraceId).ToList();
        Assert.Equal(
            ["fact account", "fact calendar", "fact company", "fact engagement", "fact person", "fact prospect"],
            facts.Select(f => f.DisplayName).Order(StringComparer.Ordinal)
        );
        Assert.All(facts, f => Assert.Equal(call.SpanId, f.ParentSpanId));
        Assert.Equal("SixSense", company.GetTagItem("hub.connector"));
        Assert.Contains(stopped, a => a.Source.Name == "System.Net.Http" && a.ParentSpanId == company.SpanId);
    }

    [Fact]
    public async Task Decisions_are_counted_by_rule_and_sources_timed_by_connector()
    {
        var measured = new ConcurrentBag<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name is HubMetrics.Name or RoutingTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measured.Add((i.Name, v, Tags(tags))));
        listener.Start();
        using var hub = new SandboxHub();

        var decision = await hub.RouteAsync("203.0.113.5");
        await hub.RouteAsync("203.0.113.5");

        Assert.Contains(measured, m =>
            m.Instrument == "hub.decisions"
            && (string?)m.Tags["kind"] == "visitor"
            && (string?)m.Tags["rule"] == decision.MatchedRule
        );
        Assert.Contains(measured, m =>
            m.Instrument == "hub.fact_source.duration"
            && (string?)m.Tags["connector"] == "SixSense"
            && (string?)m.Tags["status"] == "ok"
        );
        Assert.Contains(measured, m =>
            m.Instrument == "hub.cache.lookups"
            && (string?)m.Tags["cache"] == "enrichment_by_ip"
            && (string?)m.Tags["result"] == "hit"
        );
    }

    [Fact]
    public async Task Prometheus_scrapes_the_metrics_when_enabled_and_the_sandbox_exports_nothing_by_default()
    {
        using var scraped = new SandboxHub(new() { ["Telemetry:Prometheus:Enabled"] = "true" });
        using var quiet = new SandboxHub();
        await scraped.RouteAsync("203.0.113.5");

        using var http = scraped.CreateHttpClient();
        var text = await http.GetStringAsync("/metrics");
        using var quietHttp = quiet.CreateHttpClient();
        // With credentials, so the answer is about the route, not about who asks (unknown routes need a caller too).
        quietHttp.DefaultRequestHeaders.Add("x-api-key", IntegrationHub.Testing.HubCredentials.Key);

        Assert.Contains("hub_decisions_total{", text, StringComparison.Ordinal);
        Assert.Contains("hub_fact_source_duration", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await quietHttp.GetAsync("/metrics")).StatusCode);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            result[key] = value;
        }

        return result;
    }
}
