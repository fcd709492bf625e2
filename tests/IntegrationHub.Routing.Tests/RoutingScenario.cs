using System.Net;
using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.TestKit;
using IntegrationHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Routing.Tests;

/// <summary>A small world to route in: one policy, stub vendors, presence, a clock.</summary>
public sealed class RoutingScenario : IRepPresence
{
    public const string PolicyJson = """
        {
          "reps": [
            { "id": "sdr-us-1", "name": "US One", "email": "us1@hub.test", "region": "AMER" },
            { "id": "sdr-us-2", "name": "US Two", "email": "us2@hub.test", "region": "AMER" },
            { "id": "sdr-us-3", "name": "US Ramping", "email": "us3@hub.test", "region": "AMER",
              "routingLevel": "Ramping" },
            { "id": "sdr-us-4", "name": "US Onboarding", "email": "us4@hub.test", "region": "AMER",
              "routingLevel": "Onboarding" },
            { "id": "sdr-eu-1", "name": "EU One", "email": "eu1@hub.test", "region": "EMEA",
              "languages": ["en", "fr"] },
            { "id": "sdr-fr-1", "name": "FR One", "email": "fr1@hub.test", "region": "EMEA", "languages": ["fr"] },
            { "id": "bdr-1", "name": "BDR One", "email": "bdr1@hub.test", "region": "AMER" },
            { "id": "pub-1", "name": "Pub One", "email": "pub1@hub.test" },
            { "id": "pub-2", "name": "Pub Two", "email": "pub2@hub.test" },
            { "id": "seq-1", "name": "Sequencer", "email": "seq1@hub.test" }
          ],
          "pools": [
            { "name": "sdr-amer", "kind": "Geo", "region": "AMER",
              "members": ["sdr-us-1", "sdr-us-2", "sdr-us-3", "sdr-us-4"] },
            { "name": "sdr-emea", "kind": "Geo", "region": "EMEA", "members": ["sdr-eu-1"] },
            { "name": "pubsec", "kind": "PubSec", "members": ["pub-1", "pub-2"] },
            { "name": "lang-fr", "kind": "Language", "language": "fr", "members": ["sdr-fr-1", "sdr-eu-1"] }
          ],
          "regionsByCountry": { "US": "AMER", "FR": "EMEA", "DE": "EMEA" },
          "defaultRegion": "AMER",
          "localePrefixes": { "/fr-fr/": "fr" },
          "factDeadline": "00:00:01"
        }
        """;

    public static readonly IPAddress AcmeIp = IPAddress.Parse("203.0.113.10");
    public static readonly IPAddress CountyIp = IPAddress.Parse("203.0.113.20");
    public static readonly IPAddress ParisIp = IPAddress.Parse("203.0.113.30");
    public static readonly IPAddress UnknownIp = IPAddress.Parse("198.51.100.1");

    public RoutingScenario()
    {
        // A Wednesday, mid-morning UTC: inside everyone's default working hours.
        Time = TestClock.At(DayOfWeek.Wednesday, new TimeOnly(10, 0));
        Policy = PolicyFile.Parse(PolicyJson);
        foreach (var rep in Policy.Reps)
        {
            Presence[rep.Id] = PresenceStatus.Available;
        }

        Vendors.Companies[AcmeIp] = Company("Acme", "acme.com", "US");
        Vendors.Companies[CountyIp] = Company("County of Test", "county.gov", "US");
        Vendors.Companies[ParisIp] = Company("Paris SA", "paris.fr", "FR");
        Vendors.AccountsByDomain["acme.com"] = new Account
        {
            Id = "001ACME00000000YDA",
            Name = "Acme",
            Domain = "acme.com",
            CountryCode = "US",
            BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
            BdrAssignedUserId = "bdr-1",
        };
        Vendors.AccountsByDomain["county.gov"] = new Account
        {
            Id = "001CNTY00000000YDA",
            Name = "County of Test",
            Domain = "county.gov",
            CountryCode = "US",
            PublicSector = true,
            BdrProspectingStatus = BdrProspectingStatus.Queued,
        };
        var sequencer = new SequencingRep("100", "seq1@hub.test", "Sequencer");
        Vendors.Clicks["tok-1"] = new ClickThrough(
            new Prospect("18", ["jane@acme.com"], "Jane", "Doe", "", "Acme", sequencer, []),
            sequencer,
            "5001",
            null
        );
        Vendors.PeopleByEmail["sam@paris.fr"] = new Person
        {
            Id = "00Q1",
            Email = "sam@paris.fr",
            Kind = PersonKind.Lead,
        };
        Vendors.ProspectsByEmail["sam@paris.fr"] = new Prospect(
            "19",
            ["sam@paris.fr"],
            "Sam",
            "",
            "",
            "Paris SA",
            sequencer,
            [new SequenceState("190", "5001", "Inbound", SequenceStateKind.Active, sequencer, null, 0)]
        );
    }

    public FakeTimeProvider Time { get; }
    public RoutingPolicy Policy { get; set; }
    public StubVendors Vendors { get; } = new();
    public Dictionary<string, PresenceStatus> Presence { get; } = [];
    public InMemoryRoundRobin RoundRobin { get; } = new();

    public VisitorRouter Router()
    {
        var gatherer = new FactGatherer(Sources(), Time, NullLogger<FactGatherer>.Instance);
        return new VisitorRouter(gatherer, this, RoundRobin, Time);
    }

    /// <summary>The reps' calendars, when a test gives the world one.</summary>
    public IRepCalendar? Calendar { get; set; }

    private FactSources Sources() =>
        new(
            Vendors,
            Vendors,
            Vendors,
            Vendors,
            new Dictionary<Capability, string>
            {
                [Capability.Enrichment] = "StubSense",
                [Capability.Crm] = "StubForce",
                [Capability.Meetings] = "StubZoom",
            }
        )
        {
            Calendar = Calendar,
        };

    public Task<VisitorDecision> RouteAsync(
        IPAddress ip,
        string path = "/pricing",
        string? email = null,
        string? token = null
    ) =>
        Router()
            .RouteAsync(
                new VisitorRequest(
                    Guid.NewGuid().ToString(),
                    ip,
                    new Uri("https://www.example.com" + path),
                    email,
                    token
                ),
                Policy,
                CancellationToken.None
            );

    public LeadRouter LeadRouter() =>
        new(new LeadFactGatherer(Sources(), Time, NullLogger<LeadFactGatherer>.Instance), RoundRobin, Time);

    /// <summary>Routes a lead from a form fill; a new request id each time unless one is given.</summary>
    public Task<LeadDecision> RouteLeadAsync(
        string email,
        string company = "Acme",
        int score = 120,
        string first = "Jane",
        string last = "Doe",
        string country = "US",
        string title = "",
        string phone = "",
        string requestId = ""
    )
    {
        var lead = new LeadSubmission
        {
            RequestId = requestId.Length > 0 ? requestId : Guid.NewGuid().ToString("N"),
            Email = email,
            FirstName = first,
            LastName = last,
            Company = company,
            CountryCode = country,
            Title = title,
            Phone = phone,
            LeadScore = score,
        };
        return LeadRouter().RouteAsync(lead, Policy, CancellationToken.None);
    }

    public Task<IReadOnlyDictionary<string, PresenceStatus>> GetAllAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, PresenceStatus>>(new Dictionary<string, PresenceStatus>(Presence));

    private static Firmographics Company(string name, string domain, string country) =>
        new(name, domain, country, country, "", "", "", "", "", 0, "", 0, "", "");
}
