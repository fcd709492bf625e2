namespace IntegrationHub.Sdk.Capabilities.Crm;

/// <summary>Where an account is with its business development rep.</summary>
public enum BdrProspectingStatus
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>Waiting for a BDR to start.</summary>
    Queued,

    /// <summary>A BDR is working it now: their visitors go to that BDR.</summary>
    ActivelyWorking,

    /// <summary>Worked earlier in the fiscal year.</summary>
    WorkedInFy,

    /// <summary>Not to be prospected.</summary>
    Restricted,
}

/// <summary>Whether an account buys already.</summary>
public enum AccountType
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>Does not buy yet.</summary>
    Prospect,

    /// <summary>Buys.</summary>
    Customer,
}

/// <summary>Sales segment, smallest first, so a hierarchy can take the largest of its members.</summary>
public enum AccountSegment
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>Small and medium business.</summary>
    Smb,

    /// <summary>Mid-market.</summary>
    MidMarket,

    /// <summary>Large enterprise.</summary>
    Large,

    /// <summary>Public sector.</summary>
    PubSec,
}

/// <summary>A CRM account with the fields the rules of engagement read.</summary>
public sealed record Account
{
    /// <summary>The CRM's id of the account.</summary>
    public required string Id { get; init; }

    /// <summary>The account's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its primary web domain, lower case.</summary>
    public string Domain { get; init; } = "";

    /// <summary>Where it is with its BDR.</summary>
    public BdrProspectingStatus BdrProspectingStatus { get; init; }

    /// <summary>The BDR assigned to it.</summary>
    public string? BdrAssignedUserId { get; init; }

    /// <summary>The account executive who owns it.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>Prospect or customer.</summary>
    public AccountType Type { get; init; }

    /// <summary>Sales segment.</summary>
    public AccountSegment Segment { get; init; }

    /// <summary>Whether it is a public-sector organisation.</summary>
    public bool PublicSector { get; init; }

    /// <summary>Where a partner is with it, in the CRM's words.</summary>
    public string? PartnerProspectingStatus { get; init; }

    /// <summary>Total contracted ARR in US cents.</summary>
    public long TotalCarrCents { get; init; }

    /// <summary>The account directly above it in its hierarchy.</summary>
    public string? ParentAccountId { get; init; }

    /// <summary>The hierarchy's ultimate parent; the account's own id when it is top-level.</summary>
    public string? UltimateParentId { get; init; }

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string CountryCode { get; init; } = "";

    /// <summary>Free text on the account.</summary>
    public string Description { get; init; } = "";

    /// <summary>Whether it is on a paid tier of the product.</summary>
    public bool PaidTier { get; init; }

    /// <summary>The last activity logged on it.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }
}
