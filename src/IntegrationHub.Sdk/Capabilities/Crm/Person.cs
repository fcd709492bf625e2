namespace IntegrationHub.Sdk.Capabilities.Crm;

/// <summary>Whether a CRM person is a lead (not yet tied to an account) or a contact of an account.</summary>
public enum PersonKind
{
    /// <summary>Either kind (in a query), or not said.</summary>
    Unspecified,

    /// <summary>A lead.</summary>
    Lead,

    /// <summary>A contact of an account.</summary>
    Contact,
}

/// <summary>Where a lead is in the lead lifecycle.</summary>
public enum LeadStatus
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>New, not yet qualified by marketing.</summary>
    Open,

    /// <summary>Marketing-qualified: its score reached the threshold.</summary>
    Mql,

    /// <summary>A rep accepted it.</summary>
    Accepted,

    /// <summary>A rep is qualifying it.</summary>
    Qualifying,

    /// <summary>Did not respond to the rep's attempts.</summary>
    Unresponsive,

    /// <summary>Handed back to marketing.</summary>
    Recycle,

    /// <summary>Converted to a contact (and account, opportunity).</summary>
    Converted,

    /// <summary>Judged to be spam.</summary>
    Spam,
}

/// <summary>A lead or a contact.</summary>
public sealed record Person
{
    /// <summary>The CRM's id of the lead or contact.</summary>
    public required string Id { get; init; }

    /// <summary>Lead or contact.</summary>
    public PersonKind Kind { get; init; }

    /// <summary>Email address.</summary>
    public string Email { get; init; } = "";

    /// <summary>First name.</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Last name.</summary>
    public string LastName { get; init; } = "";

    /// <summary>The company name written on the record (a lead's; a contact's account name).</summary>
    public string Company { get; init; } = "";

    /// <summary>Job title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Phone number as the CRM holds it.</summary>
    public string Phone { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string CountryCode { get; init; } = "";

    /// <summary>Lead status; <see cref="LeadStatus.Unspecified"/> for a contact.</summary>
    public LeadStatus Status { get; init; }

    /// <summary>The CRM user who owns the record.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>The account a contact belongs to.</summary>
    public string? AccountId { get; init; }

    /// <summary>When the lead became marketing-qualified.</summary>
    public DateTimeOffset? MqlAt { get; init; }

    /// <summary>The last activity logged on the person.</summary>
    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>The next open task's due time.</summary>
    public DateTimeOffset? NextTaskAt { get; init; }

    /// <summary>The hub's external id on the record, which upserts match on.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The lead score the CRM holds.</summary>
    public int LeadScore { get; init; }
}

/// <summary>Exactly one of Email, AccountId or CompanyName is set.</summary>
/// <param name="Email">People with this email address.</param>
/// <param name="AccountId">The contacts of this account.</param>
/// <param name="CompanyName">Leads whose company name is this one.</param>
/// <param name="Kind">Only leads, only contacts, or both (<see cref="PersonKind.Unspecified"/>).</param>
public sealed record PeopleQuery(
    string? Email = null,
    string? AccountId = null,
    string? CompanyName = null,
    PersonKind Kind = PersonKind.Unspecified
);

/// <summary>The fields of a lead to create or update. Email, LastName and Company are required.</summary>
public sealed record LeadFields
{
    /// <summary>Email address.</summary>
    public required string Email { get; init; }

    /// <summary>First name.</summary>
    public string FirstName { get; init; } = "";

    /// <summary>Last name.</summary>
    public required string LastName { get; init; }

    /// <summary>Company name.</summary>
    public required string Company { get; init; }

    /// <summary>Job title.</summary>
    public string Title { get; init; } = "";

    /// <summary>Phone number.</summary>
    public string Phone { get; init; } = "";

    /// <summary>ISO 3166-1 alpha-2 country code.</summary>
    public string CountryCode { get; init; } = "";

    /// <summary>Lead status to set.</summary>
    public LeadStatus Status { get; init; }

    /// <summary>The CRM user to own the lead.</summary>
    public string? OwnerUserId { get; init; }

    /// <summary>Lead score to set.</summary>
    public int LeadScore { get; init; }

    /// <summary>When the lead became marketing-qualified.</summary>
    public DateTimeOffset? MqlAt { get; init; }
}

/// <summary>The lead after an upsert.</summary>
/// <param name="Lead">The lead as the CRM holds it now.</param>
/// <param name="Created">True when the upsert created it, false when it updated an existing one.</param>
public sealed record LeadUpsertResult(Person Lead, bool Created);
