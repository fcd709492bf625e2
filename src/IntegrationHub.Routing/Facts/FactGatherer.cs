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
{
    private readonly SourceCall _ask = new(sources, time, logger);

    public async Task<VisitorFacts> GatherAsync(VisitorRequest request, RoutingPolicy policy, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(policy.FactDeadline, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var ct = linked.Token;
        var email = request.Email;

        var company = _ask.AskAsync<CompanyIdentification>("company", Capability.Enrichment,
            async c => await sources.Enrichment.IdentifyCompanyAsync(request.IpAddress, c), ct, cancellationToken);
        var person = email is null ? Task.FromResult(SourceCall.NotAsked<Person>("person", Capability.Crm))
            : _ask.AskAsync("person", Capability.Crm, async c =>
                (await sources.Crm.FindPeopleAsync(new PeopleQuery(Email: email), c)).OrderBy(p => p.Kind == PersonKind.Contact ? 0 : 1).FirstOrDefault(), ct, cancellationToken);
        var prospect = email is null ? Task.FromResult(SourceCall.NotAsked<Prospect>("prospect", Capability.Sequencing))
            : _ask.AskAsync("prospect", Capability.Sequencing, c => sources.Sequencing.GetProspectByEmailAsync(email, c), ct, cancellationToken);
        var click = request.ClickThroughToken is not { } token ? Task.FromResult(SourceCall.NotAsked<ClickThrough>("click_through", Capability.Sequencing))
            : _ask.AskAsync("click_through", Capability.Sequencing, c => sources.Sequencing.ResolveClickThroughAsync(token, c), ct, cancellationToken);
        var engagement = email is null ? Task.FromResult(SourceCall.NotAsked<PersonEngagement>("engagement", Capability.Marketing))
            : _ask.AskAsync("engagement", Capability.Marketing, c => sources.Marketing.GetPersonEngagementAsync(email, c), ct, cancellationToken);
        var account = AccountAsync(company, email, ct, cancellationToken);

        await Task.WhenAll(company, person, prospect, click, engagement, account);
        return new VisitorFacts(request, await company, await account, await person, await prospect, await click, await engagement,
            PageLocale.LanguageOf(request.PageUrl, policy.LocalePrefixes));
    }

    private async Task<Sourced<Account>> AccountAsync(Task<Sourced<CompanyIdentification>> company, string? email, CancellationToken ct, CancellationToken callerToken)
    {
        var identified = await company;
        var domain = identified.Value is { MatchStatus: MatchStatus.Match, Company.Domain: { Length: > 0 } d } ? d
            : email?[(email.IndexOf('@', StringComparison.Ordinal) + 1)..];
        return string.IsNullOrWhiteSpace(domain)
            ? SourceCall.NotAsked<Account>("account", Capability.Crm)
            : await _ask.AskAsync("account", Capability.Crm, c => sources.Crm.GetAccountByDomainAsync(domain, c), ct, callerToken);
    }
}
