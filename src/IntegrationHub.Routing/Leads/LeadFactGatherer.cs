using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Crm;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Routing.Leads;

/// <summary>
/// Matches a lead to a CRM account (email domain first, then company name), then reads the
/// account's hierarchy, related people, recent activity and BDR in parallel, all under one
/// deadline. Failures leave facts unknown and say so.
/// </summary>
public sealed class LeadFactGatherer(FactSources sources, TimeProvider time, ILogger<LeadFactGatherer> logger)
    : FactGathering(sources, time, logger)
{
    public async Task<LeadFacts> GatherAsync(
        LeadSubmission lead,
        RoutingPolicy policy,
        CancellationToken cancellationToken
    )
    {
        using var lookups = Begin(policy, cancellationToken);
        // The calendar does not wait for the account: it is read while the CRM is asked.
        var calendar = CalendarLookup.AskAsync(lookups, Sources, policy);
        var crm = Sources.Crm;
        var companyDomain = !policy.Leads.FreeEmailDomains.Contains(lead.EmailDomain, StringComparer.OrdinalIgnoreCase);

        var byDomain = companyDomain
            ? await lookups.AskAsync("account", Capability.Crm, c => crm.GetAccountByDomainAsync(lead.EmailDomain, c))
            : SourceCall.NotAsked<Account>("account", Capability.Crm);
        var (account, matchedBy) =
            byDomain.Known || byDomain.Report.Status is SourceStatus.Failed or SourceStatus.TimedOut
                ? (byDomain, byDomain.Known ? "email_domain" : null)
                : (
                    await lookups.AskAsync("account", Capability.Crm, async c =>
                        PickByName(await crm.FindAccountsByNameAsync(lead.Company, c), lead)
                    ),
                    "company_name"
                );
        if (!account.Known)
        {
            matchedBy = null;
        }

        var since = Time.GetUtcNow() - policy.Leads.ActivityWindow;
        var found = account.Value;
        var hierarchy = found?.UltimateParentId is { Length: > 0 } parent
            ? lookups.AskAsync<IReadOnlyList<Account>>("hierarchy", Capability.Crm, c =>
                crm.ListAccountHierarchyAsync(parent, c)!
            )
            : FactLookups.NotAsked<IReadOnlyList<Account>>("hierarchy", Capability.Crm);
        var query = found is null
            ? new PeopleQuery(CompanyName: lead.Company, Kind: PersonKind.Lead)
            : new PeopleQuery(AccountId: found.Id, Kind: PersonKind.Lead);
        var related = lookups.AskAsync<IReadOnlyList<Person>>("related_leads", Capability.Crm, c =>
            crm.FindPeopleAsync(query, c)!
        );
        var activity = found is null
            ? FactLookups.NotAsked<IReadOnlyList<Activity>>("account_activity", Capability.Crm)
            : lookups.AskAsync<IReadOnlyList<Activity>>("account_activity", Capability.Crm, c =>
                crm.ListActivitiesAsync(found.Id, since, c)!
            );
        var bdr = found?.BdrAssignedUserId is { Length: > 0 } bdrId
            ? lookups.AskAsync("bdr", Capability.Crm, c => crm.GetUserAsync(bdrId, c))
            : FactLookups.NotAsked<CrmUser>("bdr", Capability.Crm);

        await Task.WhenAll(hierarchy, related, activity, bdr, calendar);
        return new LeadFacts(lead, account, matchedBy, await hierarchy, await related, await activity, await bdr)
        {
            Calendar = await calendar,
        };
    }

    /// <summary>An exact (case-insensitive) name match, preferring one in the lead's country.</summary>
    private static Account? PickByName(IReadOnlyList<Account> candidates, LeadSubmission lead) =>
        candidates
            .Where(a => string.Equals(a.Name.Trim(), lead.Company.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => string.Equals(a.CountryCode, lead.CountryCode, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(a => a.Id, StringComparer.Ordinal)
            .FirstOrDefault();
}
