namespace IntegrationHub.Sdk.Capabilities.Crm;

public enum BdrProspectingStatus
{
    Unspecified,
    Queued,
    ActivelyWorking,
    WorkedInFy,
    Restricted,
}

public enum AccountType
{
    Unspecified,
    Prospect,
    Customer,
}

/// <summary>Sales segment, smallest first, so a hierarchy can take the largest of its members.</summary>
public enum AccountSegment
{
    Unspecified,
    Smb,
    MidMarket,
    Large,
    PubSec,
}

/// <summary>A CRM account with the fields the rules of engagement read.</summary>
public sealed record Account
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Domain { get; init; } = "";
    public BdrProspectingStatus BdrProspectingStatus { get; init; }
    public string? BdrAssignedUserId { get; init; }
    public string? OwnerUserId { get; init; }
    public AccountType Type { get; init; }
    public AccountSegment Segment { get; init; }
    public bool PublicSector { get; init; }
    public string? PartnerProspectingStatus { get; init; }

    /// <summary>Total contracted ARR in US cents.</summary>
    public long TotalCarrCents { get; init; }
    public string? ParentAccountId { get; init; }

    /// <summary>The hierarchy's ultimate parent; the account's own id when it is top-level.</summary>
    public string? UltimateParentId { get; init; }
    public string CountryCode { get; init; } = "";
    public string Description { get; init; } = "";
    public bool PaidTier { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }
}
