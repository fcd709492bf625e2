namespace IntegrationHub.Sdk.Capabilities.Crm;

/// <summary>The CRM (Salesforce-like): accounts, leads and contacts, owners and activity.</summary>
public interface ICrmConnector : ICapabilityConnector
{
    /// <summary>The account with this id, or null.</summary>
    Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken);

    /// <summary>The account whose web domain is this one (case-insensitive), or null.</summary>
    Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken);

    /// <summary>Accounts whose name matches a company name (case-insensitive).</summary>
    Task<IReadOnlyList<Account>> FindAccountsByNameAsync(string companyName, CancellationToken cancellationToken);

    /// <summary>Every account under one ultimate parent, the parent included.</summary>
    Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    );

    /// <summary>Leads and contacts matching the query.</summary>
    Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken);

    /// <summary>Creates the lead or updates the one with the same external id; safe to repeat.</summary>
    Task<LeadUpsertResult> UpsertLeadAsync(string externalId, LeadFields lead, CancellationToken cancellationToken);

    /// <summary>Gives a lead or contact a new owner. Throws NotFound for an unknown person.</summary>
    Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken cancellationToken);

    /// <summary>Converts a lead into a contact on an account.</summary>
    Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken);

    /// <summary>Records an activity on an account or person.</summary>
    Task<Activity> LogActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Activities on an account or person since a time (all when null), newest first.</summary>
    Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    );

    /// <summary>A CRM user, or null.</summary>
    Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken);
}
