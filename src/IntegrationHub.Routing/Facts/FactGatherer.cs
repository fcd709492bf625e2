using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// Asks every fact source about a visitor at once, under one deadline (the policy's, or the
/// caller's when shorter). A source that fails or is late leaves its fact unknown and says
/// why; it never fails the decision. Only the CRM account waits, for the domain the
/// enrichment source finds.
/// </summary>
public sealed class FactGatherer(FactSources sources, TimeProvider time, ILogger<FactGatherer> logger)
    : FactGathering(sources, time, logger)
{
    public async Task<VisitorFacts> GatherAsync(
        VisitorRequest request,
        RoutingPolicy policy,
        CancellationToken cancellationToken
    )
    {
        using var lookups = Begin(policy, cancellationToken);
        var email = request.Email;

        var company = lookups.AskAsync<CompanyIdentification>("company", Capability.Enrichment, async c =>
            await Sources.Enrichment.IdentifyCompanyAsync(request.IpAddress, c)
        );
        var person = email is null
            ? FactLookups.NotAsked<Person>("person", Capability.Crm)
            : lookups.AskAsync("person", Capability.Crm, async c =>
                (await Sources.Crm.FindPeopleAsync(new PeopleQuery(Email: email), c))
                    .OrderBy(p => p.Kind == PersonKind.Contact ? 0 : 1)
                    .FirstOrDefault()
            );
        var prospect = email is null
            ? FactLookups.NotAsked<Prospect>("prospect", Capability.Sequencing)
            : lookups.AskAsync("prospect", Capability.Sequencing, c =>
                Sources.Sequencing.GetProspectByEmailAsync(email, c)
            );
        var click = request.ClickThroughToken is not { } token
            ? FactLookups.NotAsked<ClickThrough>("click_through", Capability.Sequencing)
            : lookups.AskAsync("click_through", Capability.Sequencing, c =>
                Sources.Sequencing.ResolveClickThroughAsync(token, c)
            );
        var engagement = email is null
            ? FactLookups.NotAsked<PersonEngagement>("engagement", Capability.Marketing)
            : lookups.AskAsync("engagement", Capability.Marketing, c =>
                Sources.Marketing.GetPersonEngagementAsync(email, c)
            );
        var account = AccountAsync(lookups, company, email);
        var calendar = CalendarLookup.AskAsync(lookups, Sources, policy);

        await Task.WhenAll(company, person, prospect, click, engagement, account, calendar);
        return new VisitorFacts(
            request,
            await company,
            await account,
            await person,
            await prospect,
            await click,
            await engagement,
            PageLocale.LanguageOf(request.PageUrl, policy.LocalePrefixes)
        )
        {
            Calendar = await calendar,
        };
    }

    private async Task<Sourced<Account>> AccountAsync(
        FactLookups lookups,
        Task<Sourced<CompanyIdentification>> company,
        string? email
    )
    {
        var identified = await company;
        var domain = identified.Value is { MatchStatus: MatchStatus.Match, Company.Domain: { Length: > 0 } d }
            ? d
            : email?[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        if (string.IsNullOrWhiteSpace(domain))
        {
            var notAsked = SourceCall.NotAsked<Account>("account", Capability.Crm);
            return identified.Report.Broken
                ? notAsked with
                {
                    Report = notAsked.Report.BlockedOn(identified.Report),
                }
                : notAsked;
        }

        return await lookups.AskAsync("account", Capability.Crm, c => Sources.Crm.GetAccountByDomainAsync(domain, c));
    }
}
