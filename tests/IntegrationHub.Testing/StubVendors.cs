using System.Net;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Testing;

/// <summary>
/// In-memory stand-ins for the four fact sources, for testing the engine's decisions in
/// isolation (the hub's end-to-end tests use the real connectors against vendor fakes).
/// </summary>
public sealed class StubVendors : IEnrichmentConnector, ICrmConnector, ISequencingConnector, IMarketingConnector
{
    public Dictionary<IPAddress, Firmographics> Companies { get; } = [];
    public Dictionary<string, Account> AccountsByDomain { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Person> PeopleByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, Prospect> ProspectsByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, ClickThrough> Clicks { get; } = [];
    public List<Account> Accounts { get; } = [];
    public List<Person> People { get; } = [];
    public List<Activity> Activities { get; } = [];
    public Dictionary<string, CrmUser> Users { get; } = [];

    /// <summary>Capabilities that throw VendorUnavailable.</summary>
    public HashSet<string> Down { get; } = [];

    /// <summary>Capabilities that never answer (until cancelled).</summary>
    public HashSet<string> Hung { get; } = [];

    private async Task<T> Answer<T>(string capability, T value, CancellationToken ct)
    {
        if (Hung.Contains(capability))
        {
            await Task.Delay(Timeout.Infinite, ct);
        }

        return Down.Contains(capability)
            ? throw ConnectorException.Unavailable(capability, $"{capability} is down")
            : value;
    }

    public Task<CompanyIdentification> IdentifyCompanyAsync(IPAddress ipAddress, CancellationToken cancellationToken) =>
        Answer(
            "enrichment",
            Companies.TryGetValue(ipAddress, out var c)
                ? new CompanyIdentification(MatchStatus.Match, MatchConfidence.High, c, [], [])
                : CompanyIdentification.NoMatch,
            cancellationToken
        );

    public Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        Answer("crm", AccountsByDomain.GetValueOrDefault(domain), cancellationToken);

    public Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken) =>
        Answer<IReadOnlyList<Person>>(
            "crm",
            query switch
            {
                { Email: { } email } => PeopleByEmail.TryGetValue(email, out var p) ? [p] : [],
                { AccountId: { } id } => [.. People.Where(p => p.AccountId == id)],
                { CompanyName: { } name } =>
                [
                    .. People.Where(p => string.Equals(p.Company, name, StringComparison.OrdinalIgnoreCase)),
                ],
                _ => [],
            },
            cancellationToken
        );

    public Task<Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken) =>
        Answer("sequencing", ProspectsByEmail.GetValueOrDefault(email), cancellationToken);

    public Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken) =>
        Answer("sequencing", Clicks.GetValueOrDefault(token), cancellationToken);

    public Task<PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken) =>
        Answer<PersonEngagement?>("marketing", null, cancellationToken);

    public Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) =>
        Answer<IReadOnlyList<Account>>(
            "crm",
            [
                .. Accounts
                    .Concat(AccountsByDomain.Values)
                    .Where(a => a.Name.Contains(companyName, StringComparison.OrdinalIgnoreCase))
                    .Distinct(),
            ],
            cancellationToken
        );

    public Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    ) =>
        Answer<IReadOnlyList<Account>>(
            "crm",
            [.. Accounts.Concat(AccountsByDomain.Values).Where(a => a.UltimateParentId == ultimateParentId).Distinct()],
            cancellationToken
        );

    public Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    ) => throw new NotSupportedException();

    public Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<Activity> LogActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    ) =>
        Answer<IReadOnlyList<Activity>>(
            "crm",
            [.. Activities.Where(a => a.SubjectId == subjectId && (since is null || a.OccurredAt >= since))],
            cancellationToken
        );

    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        Answer("crm", Users.GetValueOrDefault(userId), cancellationToken);

    public Task<IReadOnlyList<SequenceState>> ListSequenceStatesAsync(
        string prospectId,
        CancellationToken cancellationToken
    ) => throw new NotSupportedException();

    public Task<Enrollment> EnrollProspectAsync(EnrollmentRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken) =>
        throw new NotSupportedException();

    public Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    ) => throw new NotSupportedException();
}
