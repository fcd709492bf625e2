using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Routing.Decisions;

/// <summary>
/// What a visitor decision was made from — the facts as the sources answered and every rep's
/// presence at that moment — kept with the decision so it can be replayed under another policy.
/// The IP address is not kept: it was only the key the enrichment source answered for.
/// </summary>
public sealed record VisitorInputs(
    string? Email,
    Uri PageUrl,
    Sourced<CompanyIdentification> Company,
    Sourced<Account> Account,
    Sourced<Person> Person,
    Sourced<Prospect> Prospect,
    Sourced<ClickThrough> ClickThrough,
    Sourced<PersonEngagement> Engagement,
    IReadOnlyDictionary<string, PresenceStatus> Presence
)
{
    /// <summary>The reps' calendars as read for the decision; null for decisions stored before calendars.</summary>
    public Sourced<RepAbsences>? Calendar { get; init; }

    /// <summary>The inputs of a decision. Offline reps are left out: a rep missing from presence is offline.</summary>
    public static VisitorInputs Of(VisitorFacts facts, IReadOnlyDictionary<string, PresenceStatus> presence) =>
        new(
            facts.Request.Email,
            facts.Request.PageUrl,
            facts.Company,
            facts.Account,
            facts.Person,
            facts.Prospect,
            facts.ClickThrough,
            facts.Engagement,
            presence
                .Where(p => p.Value != PresenceStatus.Offline)
                .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
        )
        {
            Calendar = facts.Calendar,
        };

    /// <summary>
    /// The facts again, with the page's language as <paramref name="policy"/> reads it (locale prefixes may change).
    /// </summary>
    public VisitorFacts ToFacts(string requestId, RoutingPolicy policy) =>
        new(
            new VisitorRequest(requestId, System.Net.IPAddress.None, PageUrl, Email, ClickThroughToken: null),
            Company,
            Account,
            Person,
            Prospect,
            ClickThrough,
            Engagement,
            PageLocale.LanguageOf(PageUrl, policy.LocalePrefixes)
        )
        {
            Calendar = Calendar ?? CalendarLookup.NotAsked,
        };
}
