using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Sdk.TestKit.Tests.Broken;

/// <summary>Wrong field mapping: reads an account's BDR into its owner.</summary>
internal sealed class BdrAsOwner(ICrmConnector inner) : ICrmConnector
{
    public async Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        Mapped(await inner.GetAccountByIdAsync(accountId, cancellationToken));

    public async Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        Mapped(await inner.GetAccountByDomainAsync(domain, cancellationToken));

    public async Task<IReadOnlyList<Account>> FindAccountsByNameAsync(string name, CancellationToken ct) =>
        [.. (await inner.FindAccountsByNameAsync(name, ct)).Select(a => Mapped(a)!)];

    public async Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(string parentId, CancellationToken ct) =>
        [.. (await inner.ListAccountHierarchyAsync(parentId, ct)).Select(a => Mapped(a)!)];

    public Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken ct) =>
        inner.FindPeopleAsync(query, ct);

    public Task<LeadUpsertResult> UpsertLeadAsync(string externalId, LeadFields lead, CancellationToken ct) =>
        inner.UpsertLeadAsync(externalId, lead, ct);

    public Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken ct) =>
        inner.ChangeOwnerAsync(personId, ownerUserId, ct);

    public Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken ct) =>
        inner.ConvertLeadAsync(leadId, accountId, ct);

    public Task<Activity> LogActivityAsync(Activity activity, CancellationToken ct) =>
        inner.LogActivityAsync(activity, ct);

    public Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken ct
    ) => inner.ListActivitiesAsync(subjectId, since, ct);

    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken ct) => inner.GetUserAsync(userId, ct);

    private static Account? Mapped(Account? account) =>
        account is null ? null : account with { OwnerUserId = account.BdrAssignedUserId };
}
