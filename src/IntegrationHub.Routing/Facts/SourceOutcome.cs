namespace IntegrationHub.Routing.Facts;

public enum SourceStatus
{
    Ok,
    NotFound,
    Failed,
    TimedOut,
    NotAsked,
}

/// <summary>How one fact source answered for a decision: what, how fast, and why not.</summary>
public sealed record SourceReport(
    string Source,
    string Capability,
    string Connector,
    SourceStatus Status,
    TimeSpan Latency,
    string? Error
);

/// <summary>A fact and the report of the source it came from.</summary>
public sealed record Sourced<T>(T? Value, SourceReport Report)
    where T : class
{
    public bool Known => Value is not null;
}
