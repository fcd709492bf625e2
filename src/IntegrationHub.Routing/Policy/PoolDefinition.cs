using System.Text.Json.Serialization;

namespace IntegrationHub.Routing.Policy;

public enum PoolKind
{
    /// <summary>SDRs of a geographic region.</summary>
    Geo,

    /// <summary>BDRs for US public-sector accounts.</summary>
    PubSec,

    /// <summary>Members who speak a language.</summary>
    Language,
}

/// <summary>A round-robin pool of reps.</summary>
public sealed record PoolDefinition
{
    public required string Name { get; init; }
    public PoolKind Kind { get; init; }

    /// <summary>For a geo pool: the region it serves ("AMER").</summary>
    public string? Region { get; init; }

    /// <summary>For a language pool: the language it serves ("fr").</summary>
    public string? Language { get; init; }
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>The most work this pool's round robin gives each member per day or week; none when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WorkCaps? Caps { get; init; }
}
