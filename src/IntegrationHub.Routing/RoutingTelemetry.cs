using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace IntegrationHub.Routing;

/// <summary>
/// The routing engine's traces and metrics, in the BCL's own types so the engine stays free of
/// any telemetry SDK: the host decides what is collected and where it goes.
/// </summary>
public static class RoutingTelemetry
{
    public const string Name = "IntegrationHub.Routing";

    /// <summary>One span per fact source asked for a decision (children of the incoming call).</summary>
    public static ActivitySource Source { get; } = new(Name);

    public static Meter Meter { get; } = new(Name);

    /// <summary>
    /// How long each fact source took, by source, connector and outcome (ok, not_found, failed, timed_out).
    /// </summary>
    public static Histogram<double> SourceDuration { get; } =
        Meter.CreateHistogram<double>(
            "hub.fact_source.duration",
            "ms",
            "Time a fact source took to answer, by source, connector and status"
        );
}
