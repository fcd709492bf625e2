using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Routing.Facts;

/// <summary>Everything gathered about one visitor, each fact with its source's report.</summary>
public sealed record VisitorFacts(
    VisitorRequest Request,
    Sourced<CompanyIdentification> Company,
    Sourced<Account> Account,
    Sourced<Person> Person,
    Sourced<Prospect> Prospect,
    Sourced<ClickThrough> ClickThrough,
    Sourced<PersonEngagement> Engagement,
    string Language
)
{
    /// <summary>Who the reps' calendars say is away; not asked unless the policy counts calendar events.</summary>
    public Sourced<RepAbsences> Calendar { get; init; } = CalendarLookup.NotAsked;

    public IReadOnlyList<SourceReport> Reports =>
        CalendarLookup.With(
            [Company.Report, Account.Report, Person.Report, Prospect.Report, ClickThrough.Report, Engagement.Report],
            Calendar
        );

    /// <summary>True when any consulted source failed or was late.</summary>
    public bool Degraded => Reports.Any(r => r.Status is SourceStatus.Failed or SourceStatus.TimedOut);

    /// <summary>The visitor's country: the identified company's, else the CRM account's.</summary>
    public string? CountryCode => NonEmpty(Company.Value?.Company?.CountryCode) ?? NonEmpty(Account.Value?.CountryCode);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
