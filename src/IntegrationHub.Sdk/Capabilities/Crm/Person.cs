namespace IntegrationHub.Sdk.Capabilities.Crm;

public enum PersonKind
{
    Unspecified,
    Lead,
    Contact,
}

public enum LeadStatus
{
    Unspecified,
    Open,
    Mql,
    Accepted,
    Qualifying,
    Unresponsive,
    Recycle,
    Converted,
    Spam,
}

/// <summary>A lead or a contact.</summary>
public sealed record Person
{
    public required string Id { get; init; }
    public PersonKind Kind { get; init; }
    public string Email { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string Company { get; init; } = "";
    public string Title { get; init; } = "";
    public string Phone { get; init; } = "";
    public string CountryCode { get; init; } = "";
    public LeadStatus Status { get; init; }
    public string? OwnerUserId { get; init; }
    public string? AccountId { get; init; }
    public DateTimeOffset? MqlAt { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }
    public DateTimeOffset? NextTaskAt { get; init; }
    public string? ExternalId { get; init; }
    public int LeadScore { get; init; }
}

/// <summary>Exactly one of Email, AccountId or CompanyName is set.</summary>
public sealed record PeopleQuery(
    string? Email = null,
    string? AccountId = null,
    string? CompanyName = null,
    PersonKind Kind = PersonKind.Unspecified
);

/// <summary>The fields of a lead to create or update. Email, LastName and Company are required.</summary>
public sealed record LeadFields
{
    public required string Email { get; init; }
    public string FirstName { get; init; } = "";
    public required string LastName { get; init; }
    public required string Company { get; init; }
    public string Title { get; init; } = "";
    public string Phone { get; init; } = "";
    public string CountryCode { get; init; } = "";
    public LeadStatus Status { get; init; }
    public string? OwnerUserId { get; init; }
    public int LeadScore { get; init; }
    public DateTimeOffset? MqlAt { get; init; }
}

public sealed record LeadUpsertResult(Person Lead, bool Created);
