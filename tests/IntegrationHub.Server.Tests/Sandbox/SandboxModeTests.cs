using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Contracts.Marketing.V1;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>
/// The hub with no configuration at all: every capability is served by its real connector
/// talking to its in-process vendor fake, seeded with the shipped demo world.
/// </summary>
public sealed class SandboxModeTests(SandboxModeTests.Hub hub) : IClassFixture<SandboxModeTests.Hub>
{
    public sealed class Hub() : HubFactory(new Dictionary<string, string?>());

    [Fact]
    public async Task Every_connector_serves_its_capability_from_its_sandbox_fake()
    {
        var catalog = await new ConnectorCatalogService.ConnectorCatalogServiceClient(
            hub.CreateChannel()
        ).ListConnectorsAsync(new ListConnectorsRequest());
        var serving = catalog.Connectors.Where(c => c.ServingCapabilities.Count > 0).ToDictionary(c => c.Name, c => c);
        Assert.Equal(["Marketo", "Outreach", "Salesforce", "SixSense", "Zoom"], serving.Keys.Order());
        Assert.All(serving.Values, c => Assert.True(c.Sandbox));
        Assert.All(serving.Values, c => Assert.Equal(ConnectorHealth.Healthy, c.Health));
    }

    [Fact]
    public async Task Demo_data_answers_through_every_capability()
    {
        var channel = hub.CreateChannel();
        var company = await new EnrichmentService.EnrichmentServiceClient(channel).IdentifyCompanyAsync(
            new IdentifyCompanyRequest { IpAddress = "203.0.113.5" }
        );
        Assert.Equal("acme.com", company.Identification.Company.Domain);

        var account = await new CrmService.CrmServiceClient(channel).GetAccountAsync(
            new GetAccountRequest { Domain = "acme.com" }
        );
        Assert.Equal(BdrProspectingStatus.ActivelyWorking, account.Account.BdrProspectingStatus);

        var click = await new SequencingService.SequencingServiceClient(channel).ResolveClickThroughAsync(
            new ResolveClickThroughRequest { Token = "ct-acme-jane" }
        );
        Assert.Equal("olivia.brooks@hub.demo", click.SequenceOwner.Email);

        var programs = await new MarketingService.MarketingServiceClient(channel).ListProgramsByTagAsync(
            new ListProgramsByTagRequest { TagType = "UsedWithQualified", TagValue = "True" }
        );
        Assert.Equal(8, programs.Programs.Count);

        var start = new DateTimeOffset(hub.Time.GetUtcNow().UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
        var slots = await new MeetingService.MeetingServiceClient(channel).ListFreeSlotsAsync(
            new ListFreeSlotsRequest
            {
                CalendarUserId = "avery.johnson@hub.demo",
                WindowStartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start),
                WindowEndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(start.AddDays(3)),
                DurationMinutes = 30,
                BufferMinutes = 10,
                WorkingHours = new WorkingHours
                {
                    TimeZone = "America/New_York",
                    StartMinute = 9 * 60,
                    EndMinute = 17 * 60,
                    Weekdays = { 1, 2, 3, 4, 5, 6, 7 },
                },
            }
        );
        Assert.NotEmpty(slots.Slots);
    }

    [Fact]
    public async Task A_lead_written_to_the_sandbox_crm_is_then_found()
    {
        var crm = new CrmService.CrmServiceClient(hub.CreateChannel());
        var upserted = await crm.UpsertLeadAsync(
            new UpsertLeadRequest
            {
                ExternalId = "sandbox-test-1",
                Lead = new Person
                {
                    Email = "new.person@newco.io",
                    FirstName = "New",
                    LastName = "Person",
                    Company = "Newco",
                    Status = LeadStatus.Mql,
                },
            }
        );
        var found = await crm.FindPeopleAsync(new FindPeopleRequest { Email = "new.person@newco.io" });
        Assert.True(upserted.Created);
        Assert.Equal(upserted.Lead.Id, Assert.Single(found.People).Id);
        await Assert.ThrowsAsync<RpcException>(() =>
            crm.GetAccountAsync(new GetAccountRequest { Domain = "newco.io" }).ResponseAsync
        );
    }
}
