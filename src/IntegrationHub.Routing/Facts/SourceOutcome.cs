using System.Text.Json.Serialization;

namespace IntegrationHub.Routing.Facts;

public enum SourceStatus
{
    Ok,
    NotFound,
    Failed,
    TimedOut,
    NotAsked,
}

/// <summary>
/// How one fact source answered for a decision: what, how fast, and why not. <see cref="BlockedBy"/> names the fact
/// whose failure kept this one from being asked (the CRM account needs the domain the enrichment source finds), so a
/// rule that needed it says the fact is missing, not that there is none. What is derived is not stored with the
/// decision: it is derived again when read.
/// </summary>
public sealed record SourceReport(
    string Source,
    string Capability,
    string Connector,
    SourceStatus Status,
    TimeSpan Latency,
    string? Error,
    string? BlockedBy = null
)
{
    /// <summary>Missing because a source failed or was late, here or upstream; not because none exists.</summary>
    [JsonIgnore]
    public bool Broken => Status is SourceStatus.Failed or SourceStatus.TimedOut || BlockedBy is not null;

    /// <summary>Why the fact is unknown, in the words a rule's reason and a fallback give.</summary>
    [JsonIgnore]
    public string WhyUnknown =>
        Status switch
        {
            SourceStatus.Failed => $"{Source} unknown: {Connector} failed ({Error})",
            SourceStatus.TimedOut => $"{Source} unknown: {Connector} did not answer in time",
            SourceStatus.NotAsked when BlockedBy is not null => $"{Source} not looked up: {Error}",
            SourceStatus.NotAsked => $"{Source} not looked up",
            _ => $"no {Source} found",
        };

    /// <summary>This fact not asked because <paramref name="upstream"/>, which it needs, is missing.</summary>
    public SourceReport BlockedOn(SourceReport upstream) =>
        this with
        {
            BlockedBy = upstream.Source,
            Error = upstream.WhyUnknown,
        };
}

/// <summary>A fact and the report of the source it came from.</summary>
public sealed record Sourced<T>(T? Value, SourceReport Report)
    where T : class
{
    public bool Known => Value is not null;
}
