using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Contracts.Marketing.V1;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>Each capability's gRPC service, through a real channel, served by the configured connector.</summary>
public sealed class CapabilityServiceTests(CapabilityServiceTests.Hub hub) : IClassFixture<CapabilityServiceTests.Hub>
{
    public sealed class Hub() : HubFactory(MemorySettings());

    private MemoryConnector Connector => hub.Services.GetRequiredService<MemoryConnector>();

    [Fact]
    public async Task Enrichment_identifies_a_known_ip_through_the_configured_connector()
    {
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());
        var response = await client.IdentifyCompanyAsync(
            new IdentifyCompanyRequest { IpAddress = MemoryConnector.KnownIp.ToString() }
        );
        Assert.Equal(MatchStatus.Match, response.Identification.MatchStatus);
        Assert.Equal("acme.com", response.Identification.Company.Domain);
        Assert.Equal(BuyingStage.Consideration, Assert.Single(response.Identification.ProductScores).BuyingStage);
    }

    [Fact]
    public async Task Crm_finds_an_account_by_domain_and_says_not_found_otherwise()
    {
        var client = new CrmService.CrmServiceClient(hub.CreateChannel());
        var found = await client.GetAccountAsync(new GetAccountRequest { Domain = "ACME.com" });
        Assert.Equal(BdrProspectingStatus.ActivelyWorking, found.Account.BdrProspectingStatus);

        var error = await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            client.GetAccountAsync(new GetAccountRequest { Domain = "nobody.com" }).ResponseAsync
        );
        Assert.Equal("NOT_FOUND", RpcAssert.Info(error)?.Reason);
    }

    [Fact]
    public async Task Marketing_lists_tagged_programs_and_meetings_book_a_link()
    {
        var channel = hub.CreateChannel();
        var programs = await new MarketingService.MarketingServiceClient(channel).ListProgramsByTagAsync(
            new ListProgramsByTagRequest { TagType = "UsedWithQualified", TagValue = "True" }
        );
        Assert.Equal("Q3 Webinar", Assert.Single(programs.Programs).Name);

        var meeting = await new MeetingService.MeetingServiceClient(channel).CreateMeetingAsync(
            new CreateMeetingRequest
            {
                CalendarUserId = "rep@hub.test",
                Topic = "Intro",
                StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                    hub.Time.GetUtcNow().AddDays(1)
                ),
                DurationMinutes = 30,
                IdempotencyKey = "k1",
            }
        );
        Assert.StartsWith("https://", meeting.Meeting.JoinUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sequencing_answers_not_found_for_an_unknown_prospect()
    {
        var client = new SequencingService.SequencingServiceClient(hub.CreateChannel());
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            client.GetProspectAsync(new GetProspectRequest { Email = "nobody@acme.com" }).ResponseAsync
        );
    }

    public static TheoryData<string, string[]> BadRequests() =>
        new()
        {
            { "enrichment: not an ip", ["ip_address"] },
            { "enrichment: empty batch", ["ip_addresses"] },
            { "crm: no lookup", ["lookup"] },
            { "crm: upsert without email, name, company", ["lead.email", "lead.last_name", "lead.company"] },
            { "crm: bad email", ["email"] },
            { "sequencing: enrol without ids", ["prospect_id", "sequence_id", "mailbox_id", "idempotency_key"] },
            { "marketing: no tag", ["tag_type", "tag_value"] },
            { "meetings: window backwards, bad zone", ["window_end_time", "working_hours.time_zone"] },
        };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_malformed_request_is_invalid_argument_with_field_violations_and_reaches_no_vendor(
        string name,
        string[] fields
    )
    {
        var channel = hub.CreateChannel();
        var before = Connector.Calls;
        var now = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(hub.Time.GetUtcNow());
        Func<Task> call = name switch
        {
            "enrichment: not an ip" => () =>
                new EnrichmentService.EnrichmentServiceClient(channel)
                    .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = "999.1.1.1" })
                    .ResponseAsync,
            "enrichment: empty batch" => () =>
                new EnrichmentService.EnrichmentServiceClient(channel)
                    .BatchIdentifyCompaniesAsync(new BatchIdentifyCompaniesRequest())
                    .ResponseAsync,
            "crm: no lookup" => () =>
                new CrmService.CrmServiceClient(channel).GetAccountAsync(new GetAccountRequest()).ResponseAsync,
            "crm: upsert without email, name, company" => () =>
                new CrmService.CrmServiceClient(channel)
                    .UpsertLeadAsync(new UpsertLeadRequest { ExternalId = "x", Lead = new Person() })
                    .ResponseAsync,
            "crm: bad email" => () =>
                new CrmService.CrmServiceClient(channel)
                    .FindPeopleAsync(new FindPeopleRequest { Email = "jane@" })
                    .ResponseAsync,
            "sequencing: enrol without ids" => () =>
                new SequencingService.SequencingServiceClient(channel)
                    .EnrollProspectAsync(new EnrollProspectRequest())
                    .ResponseAsync,
            "marketing: no tag" => () =>
                new MarketingService.MarketingServiceClient(channel)
                    .ListProgramsByTagAsync(new ListProgramsByTagRequest())
                    .ResponseAsync,
            _ => () =>
                new MeetingService.MeetingServiceClient(channel)
                    .ListFreeSlotsAsync(
                        new ListFreeSlotsRequest
                        {
                            CalendarUserId = "rep",
                            WindowStartTime = now,
                            WindowEndTime = now,
                            DurationMinutes = 30,
                            WorkingHours = new WorkingHours
                            {
                                TimeZone = "Mars/Olympus",
                                StartMinute = 540,
                                EndMinute = 1020,
                            },
                        }
                    )
                    .ResponseAsync,
        };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, call);

        Assert.Equal(fields.Order(), RpcAssert.ViolatedFields(error).Order());
        Assert.Equal("INVALID_REQUEST", RpcAssert.Info(error)?.Reason);
        Assert.Equal(before, Connector.Calls);
    }

    [Fact]
    public async Task A_vendor_outage_is_unavailable_naming_the_vendor()
    {
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());
        var error = await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            client
                .IdentifyCompanyAsync(new IdentifyCompanyRequest { IpAddress = MemoryConnector.OutageIp.ToString() })
                .ResponseAsync
        );
        Assert.Equal(MemoryConnector.Name, RpcAssert.Info(error)?.Metadata["vendor"]);
    }

    [Fact]
    public async Task A_batch_answers_each_address_and_one_failure_does_not_fail_the_others()
    {
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());
        var response = await client.BatchIdentifyCompaniesAsync(
            new BatchIdentifyCompaniesRequest
            {
                IpAddresses =
                {
                    MemoryConnector.KnownIp.ToString(),
                    MemoryConnector.OutageIp.ToString(),
                    "198.51.100.7",
                },
            }
        );
        Assert.Equal(3, response.Results.Count);
        Assert.Equal(MatchStatus.Match, response.Results[0].Identification.MatchStatus);
        Assert.Equal("UNAVAILABLE", response.Results[1].ErrorCode);
        Assert.Equal(MatchStatus.NoMatch, response.Results[2].Identification.MatchStatus);
    }
}
