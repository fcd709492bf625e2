using System.Text.Json.Serialization;

namespace IntegrationHub.Routing.Policy;

/// <summary>
/// Everything that decides routing and is not code: reps, pools, regions, locales, rule
/// order and thresholds. Loaded from a file, validated as a whole, swapped atomically on reload.
/// </summary>
public sealed record RoutingPolicy
{
    /// <summary>
    /// The published version this policy is (0 before it is published); not part of the file, so two versions with
    /// the same content compare by their rules alone.
    /// </summary>
    [JsonIgnore]
    public long Version { get; init; }

    public IReadOnlyList<RepDefinition> Reps { get; init; } = [];
    public IReadOnlyList<PoolDefinition> Pools { get; init; } = [];

    /// <summary>ISO country code → region ("FR" → "EMEA").</summary>
    public IReadOnlyDictionary<string, string> RegionsByCountry { get; init; } = new Dictionary<string, string>();

    /// <summary>The region of a visitor whose country is unknown or unmapped.</summary>
    public string DefaultRegion { get; init; } = "AMER";

    /// <summary>Page-path prefix → language ("/fr-fr/" → "fr"); no prefix means English.</summary>
    public IReadOnlyDictionary<string, string> LocalePrefixes { get; init; } = new Dictionary<string, string>();

    /// <summary>The visitor rules in the order they are tried; the first that yields a target wins.</summary>
    public IReadOnlyList<string> VisitorRules { get; init; } = VisitorRuleNames.All;

    /// <summary>How long an offered human has to accept a chat.</summary>
    public TimeSpan AcceptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public AiRepDefinition AiRep { get; init; } = new();

    public MeetingOfferDefinition MeetingOffer { get; init; } = new();

    public LeadPolicy Leads { get; init; } = new();

    public AvailabilityPolicy Availability { get; init; } = new();

    /// <summary>How long the fact sources of one visitor decision may take together.</summary>
    public TimeSpan FactDeadline { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Sandbox demo hours: every rep counts as inside working hours, so a demo routes to a human at any hour. Set by
    /// the hub in sandbox mode (<c>Sandbox:DemoHours</c>); never read from or written to a policy file.
    /// </summary>
    [JsonIgnore]
    public bool DemoHours { get; init; }
}

/// <summary>The virtual rep who takes a conversation no human can.</summary>
public sealed record AiRepDefinition
{
    public bool Enabled { get; init; } = true;
    public string Id { get; init; } = "ai-rep";
    public string Name { get; init; } = "AI rep";

    /// <summary>The experience languages the AI rep serves (English only, as a first iteration).</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["en"];
}

/// <summary>What a meeting offer proposes.</summary>
public sealed record MeetingOfferDefinition
{
    public int DurationMinutes { get; init; } = 30;
    public int BufferMinutes { get; init; } = 10;
    public int MinimumNoticeMinutes { get; init; } = 60;
    public int DaysAhead { get; init; } = 5;
    public int MaxSlots { get; init; } = 6;
}

/// <summary>The names of the live-visitor rules, in DOMAIN.md's order.</summary>
public static class VisitorRuleNames
{
    public const string ClickThrough = "click_through";
    public const string ActivelySequenced = "actively_sequenced";
    public const string PublicSector = "public_sector";
    public const string ActivelyWorkingAccount = "actively_working_account";
    public const string Language = "language";
    public const string GeoPool = "geo_pool";

    public static readonly IReadOnlyList<string> All =
    [
        ClickThrough,
        ActivelySequenced,
        PublicSector,
        ActivelyWorkingAccount,
        Language,
        GeoPool,
    ];
}
