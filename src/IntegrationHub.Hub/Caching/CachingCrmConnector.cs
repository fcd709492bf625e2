using IntegrationHub.Sdk.Capabilities.Crm;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// Wraps whichever CRM connector is configured: account look-ups by domain (asked for every
/// identified visitor) go through the shared look-up cache; everything else, writes
/// above all, goes straight through.
/// </summary>
public sealed class CachingCrmConnector(ICrmConnector inner, VendorLookupCaches caches, IOptions<CacheOptions> options)
    : ICrmConnector
{
    public Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        caches.CrmAccounts.GetOrLoadAsync(
            domain.Trim().ToLowerInvariant(),
            ct => inner.GetAccountByDomainAsync(domain, ct),
            account => account is null ? options.Value.CrmAccountNotFoundLifetime : options.Value.CrmAccountLifetime,
            cancellationToken
        );

    public Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        inner.GetAccountByIdAsync(accountId, cancellationToken);

    public Task<IReadOnlyList<Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) => inner.FindAccountsByNameAsync(companyName, cancellationToken);

    public Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    ) => inner.ListAccountHierarchyAsync(ultimateParentId, cancellationToken);

    public Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken) =>
        inner.FindPeopleAsync(query, cancellationToken);

    public Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    ) => inner.UpsertLeadAsync(externalId, lead, cancellationToken);

    public Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken cancellationToken) =>
        inner.ChangeOwnerAsync(personId, ownerUserId, cancellationToken);

    public Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken) =>
        inner.ConvertLeadAsync(leadId, accountId, cancellationToken);

    public Task<Activity> LogActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        inner.LogActivityAsync(activity, cancellationToken);

    public Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    ) => inner.ListActivitiesAsync(subjectId, since, cancellationToken);

    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        inner.GetUserAsync(userId, cancellationToken);
}
