using System.Net;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Tests.Hosting;

public sealed class MemoryConnectorOptions : ConnectorOptions
{
    public string? ApiKey { get; set; }

    public override bool HasCredentials => !string.IsNullOrEmpty(ApiKey);
}

/// <summary>
/// A connector plugin that lives in this test assembly and serves every capability from a
/// little fixed data, so host tests exercise discovery, selection and the gRPC edge without
/// a vendor. It also counts calls, so tests can prove bad input reached no vendor.
/// </summary>
[Connector(Name, typeof(MemoryConnectorOptions), Version = "9.9.9")]
public sealed class MemoryConnector
    : IEnrichmentConnector,
        ICrmConnector,
        ISequencingConnector,
        IMarketingConnector,
        IMeetingConnector
{
    public const string Name = "Memory";
    public static readonly IPAddress KnownIp = IPAddress.Parse("203.0.113.10");
    public static readonly IPAddress OutageIp = IPAddress.Parse("203.0.113.99");

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public Task<CompanyIdentification> IdentifyCompanyAsync(IPAddress ipAddress, CancellationToken cancellationToken)
    {
        Count();
        if (ipAddress.Equals(OutageIp))
        {
            throw ConnectorException.Unavailable(Name, "Memory vendor is down for this IP");
        }

        return Task.FromResult(
            ipAddress.Equals(KnownIp)
                ? new CompanyIdentification(
                    MatchStatus.Match,
                    MatchConfidence.High,
                    new Firmographics(
                        "Acme Corp",
                        "acme.com",
                        "US",
                        "United States",
                        "Northern America",
                        "CA",
                        "San Jose",
                        "Software",
                        "1,000 - 4,999",
                        2300,
                        "$250M - $500M",
                        310_000_000,
                        "7372",
                        "5112"
                    ),
                    [new ProductScore("hub", "Hub", 63, BuyingStage.Consideration, 9, ProfileFit.Weak, true)],
                    [new CompanySegment(4713, "Website Engagement 30d")]
                )
                : CompanyIdentification.NoMatch
        );
    }

    public Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        Count<Account?>(accountId == Acme.Id ? Acme : null);

    public Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        Count<Account?>(domain == Acme.Domain ? Acme : null);

    public Task<IReadOnlyList<Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) => Count<IReadOnlyList<Account>>(companyName == Acme.Name ? [Acme] : []);

    public Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    ) => Count<IReadOnlyList<Account>>([Acme]);

    public Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken) =>
        Count<IReadOnlyList<Person>>([]);

    public Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    ) =>
        Count(
            new LeadUpsertResult(
                new Person
                {
                    Id = "00Q1",
                    Email = lead.Email,
                    LastName = lead.LastName,
                    Company = lead.Company,
                    ExternalId = externalId,
                },
                true
            )
        );

    public Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken cancellationToken) =>
        Count(new Person { Id = personId, OwnerUserId = ownerUserId });

    public Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken) =>
        Count(
            new Person
            {
                Id = "003" + leadId,
                Kind = PersonKind.Contact,
                AccountId = accountId,
            }
        );

    public Task<Activity> LogActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Count(activity with { Id = "00T1" });

    public Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    ) => Count<IReadOnlyList<Activity>>([]);

    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken) => Count<CrmUser?>(null);

    public Task<Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken) =>
        Count<Prospect?>(null);

    public Task<IReadOnlyList<SequenceState>> ListSequenceStatesAsync(
        string prospectId,
        CancellationToken cancellationToken
    ) => Count<IReadOnlyList<SequenceState>>([]);

    public Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken) =>
        Count<ClickThrough?>(null);

    public Task<Enrollment> EnrollProspectAsync(EnrollmentRequest request, CancellationToken cancellationToken) =>
        Count(
            new Enrollment(
                new SequenceState("1", request.SequenceId, "Inbound", SequenceStateKind.Active, null, null, 0),
                true
            )
        );

    public Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken) => Count(0);

    public Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    ) =>
        Count<IReadOnlyList<MarketingProgram>>([
            new MarketingProgram(
                "1004",
                "Q3 Webinar",
                "Webinar",
                "Default",
                "https://example.invalid/#PG1004",
                [new ProgramTag(tagType, tagValue)],
                null
            ),
        ]);

    public Task<PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken) =>
        Count<PersonEngagement?>(null);

    public Task<IReadOnlyList<TimeSlot>> ListFreeSlotsAsync(FreeSlotQuery query, CancellationToken cancellationToken) =>
        Count<IReadOnlyList<TimeSlot>>([]);

    public Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken) =>
        Count(
            new Meeting(
                "1",
                request.CalendarUserId,
                request.Topic,
                request.Start,
                request.Duration,
                "https://video.invalid/j/1",
                null
            )
        );

    public Task CancelMeetingAsync(string meetingId, CancellationToken cancellationToken) => Count(0);

    /// <summary>Clear calendars: nobody is away.</summary>
    public Task<IReadOnlyList<CalendarEvent>> ListCalendarEventsAsync(
        CalendarEventQuery query,
        CancellationToken cancellationToken
    ) => Count<IReadOnlyList<CalendarEvent>>([]);

    private static readonly Account Acme = new()
    {
        Id = "001A",
        Name = "Acme Corp",
        Domain = "acme.com",
        BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
    };

    private void Count() => Interlocked.Increment(ref _calls);

    private Task<T> Count<T>(T value)
    {
        Count();
        return Task.FromResult(value);
    }
}
