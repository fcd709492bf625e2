using IntegrationHub.Routing.Leads;

namespace IntegrationHub.Routing.Policy;

/// <summary>The rules of engagement for inbound leads that are data, not code.</summary>
public sealed record LeadPolicy
{
    /// <summary>
    /// The lead rules in the order they are tried; the first that decides wins. Starts with spam and
    /// mql_threshold and ends with account_status and no_account; the rules between may be reordered or left out.
    /// </summary>
    public IReadOnlyList<string> Rules { get; init; } = LeadRuleNames.All;

    /// <summary>A lead becomes an MQL at this score; below it the lead is recorded, not routed.</summary>
    public int MqlThreshold { get; init; } = 100;

    /// <summary>A hierarchy whose total CARR reaches this (US cents) is a customer; below, a Land account.</summary>
    public long CustomerCarrThresholdCents { get; init; } = 4_800;

    /// <summary>How recent BDR activity (or a related lead's) must be to count.</summary>
    public TimeSpan ActivityWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long after a sequence finishes with no reply the lead becomes Unresponsive.</summary>
    public TimeSpan UnresponsiveAfter { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The CRM user (queue) that owns partner-prospected leads.</summary>
    public string MarketingQueueUserId { get; init; } = "marketing-queue";

    public SpamPolicy Spam { get; init; } = new();

    /// <summary>Words in a US account's description that mark it public sector.</summary>
    public IReadOnlyList<string> PublicSectorKeywords { get; init; } =
    [
        "County",
        "City of",
        "State",
        "University",
        "College",
        "Defense",
        "Intelligence",
        "Agency",
        "Mission",
        "System Integrator",
        "Contract Vehicle",
        "Government Bid",
        "Government Contract",
        "Civilian",
        "Task Order",
    ];

    /// <summary>Words in a description that mark a government or education body outside the US.</summary>
    public IReadOnlyList<string> GovernmentKeywords { get; init; } =
    ["Government", "Ministry", "Agency", "University", "College", "Provincial"];

    /// <summary>Email domains that say nothing about the company (gmail.com …).</summary>
    public IReadOnlyList<string> FreeEmailDomains { get; init; } =
    [
        "gmail.com",
        "googlemail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "live.com",
        "icloud.com",
        "aol.com",
        "proton.me",
        "protonmail.com",
        "gmx.de",
        "web.de",
        "yahoo.co.jp",
    ];

    public SequenceChoicePolicy Sequences { get; init; } = new();

    /// <summary>How long a lead's owner has to accept it before it is reassigned (off by default).</summary>
    public LeadSlaPolicy Sla { get; init; } = new();
}

/// <summary>Spam detection: the lists are data; the confidence decides what happens.</summary>
public sealed record SpamPolicy
{
    public IReadOnlyList<string> DisposableDomains { get; init; } =
    [
        "mailinator.com",
        "10minutemail.com",
        "guerrillamail.com",
        "trashmail.com",
        "yopmail.com",
        "tempmail.dev",
        "sharklasers.com",
    ];

    public IReadOnlyList<string> BlockedDomains { get; init; } = ["example.com", "test.com"];

    /// <summary>At or above this confidence a lead is flagged for the spam campaign and not routed.</summary>
    public double FlagThreshold { get; init; } = 0.8;
}

/// <summary>High touch for higher-quality leads, by how many quality signals they show.</summary>
public sealed record SequenceChoicePolicy
{
    public string HighTouchSequenceId { get; init; } = "5001";
    public string LowTouchSequenceId { get; init; } = "5002";

    /// <summary>Signals a Mid-Market or Large lead needs for high touch (1–2).</summary>
    public int LargeSignalsRequired { get; init; } = 1;

    /// <summary>Signals an SMB lead needs for high touch (2–3).</summary>
    public int SmbSignalsRequired { get; init; } = 2;

    /// <summary>Title words that make a persona worth a human's time.</summary>
    public IReadOnlyList<string> PersonaTitles { get; init; } =
    [
        "Chief",
        "CEO",
        "CTO",
        "CIO",
        "CMO",
        "CRO",
        "VP",
        "Vice President",
        "Head",
        "Director",
        "Founder",
        "Owner",
        "Directeur",
        "Leiter",
        "Manager",
    ];

    /// <summary>A lead score at or above this counts as an intent signal.</summary>
    public int IntentScore { get; init; } = 150;

    /// <summary>A developer count at or above this is a signal.</summary>
    public int DeveloperCount { get; init; } = 10;
}
