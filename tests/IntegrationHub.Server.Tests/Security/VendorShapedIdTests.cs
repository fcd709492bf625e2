using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// Ids short enough to pass the hub's own checks but not in the vendor's shape: the connector
/// refuses them before any HTTP call, so the caller gets INVALID_ARGUMENT naming the field
/// rather than UNAVAILABLE after three retried vendor 500s.
/// </summary>
public sealed class VendorShapedIdTests : IDisposable
{
    private readonly SandboxHub _hub = new();

    public static TheoryData<string, string, string, string> HostileEnrolments() =>
        new()
        {
            { "' OR 1=1; --", "5001", "7", "prospect_id" },
            { "18", "\u0000abc", "7", "sequence_id" },
            { "18", "5001", "../../users", "mailbox_id" },
        };

    [Theory]
    [MemberData(nameof(HostileEnrolments))]
    public async Task Enrolling_with_an_id_outreach_could_not_have_issued_is_invalid_and_reaches_no_vendor(
        string prospect,
        string sequence,
        string mailbox,
        string field
    )
    {
        var sequencing = new SequencingService.SequencingServiceClient(_hub.Channel);
        var before = _hub.VendorRequests();

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => sequencing
                .EnrollProspectAsync(
                    new EnrollProspectRequest
                    {
                        ProspectId = prospect,
                        SequenceId = sequence,
                        MailboxId = mailbox,
                        IdempotencyKey = "hostile-1",
                    }
                )
                .ResponseAsync);

        Assert.Contains(field, RpcAssert.ViolatedFields(error));
        Assert.Equal(before, _hub.VendorRequests());
    }

    [Fact]
    public async Task Finishing_the_sequences_of_a_hostile_prospect_id_is_invalid_and_reaches_no_vendor()
    {
        var sequencing = new SequencingService.SequencingServiceClient(_hub.Channel);
        var before = _hub.VendorRequests();

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            sequencing
                .FinishProspectSequencesAsync(
                    new FinishProspectSequencesRequest { ProspectId = "1; DROP TABLE prospects" }
                )
                .ResponseAsync
        );

        Assert.Equal(["prospect_id"], RpcAssert.ViolatedFields(error));
        Assert.Equal(before, _hub.VendorRequests());
    }

    public static TheoryData<string, string, string, string> HostileWrites() =>
        new()
        {
            { "crm.ChangeOwner", "00Q' OR Id != '", "005SDR010000000YBA", "person_id" },
            { "crm.ConvertLead", "00QJANE000000002DA", "001/../../User", "account_id" },
            { "crm.LogActivity", "001ACME00000000YDA'--", "005SDR010000000YBA", "activity.subject_id" },
            { "meetings.CancelMeeting", "", "", "meeting_id" },
            { "meetings.CreateMeeting", "", "", "calendar_user_id" },
            // Letters and digits, but not 15 or 18 of them, or 18 whose suffix is not the case-safe one of the 15.
            { "crm.ChangeOwner", "00QJANE", "005SDR010000000YBA", "person_id" },
            { "crm.ChangeOwner", "00QJANE000000002DA", "005SDR010000000YBX", "owner_user_id" },
            { "crm.ConvertLead", "00QJANE000000002DX", "001ACME00000000YDA", "lead_id" },
            { "crm.LogActivity", "001ACME00000000YDA", "005SDR01", "activity.user_id" },
            { "crm.UpsertLead", "", "005SDR0100000000", "lead.owner_user_id" },
            { "crm.GetAccount", "001ACME00000000ydb", "", "account_id" },
        };

    [Theory]
    [MemberData(nameof(HostileWrites))]
    public async Task A_call_naming_a_record_by_an_id_no_vendor_could_issue_is_invalid_and_reaches_no_vendor(
        string rpc,
        string record,
        string user,
        string field
    )
    {
        var crm = new CrmService.CrmServiceClient(_hub.Channel);
        var before = _hub.VendorRequests();
        Func<Task> call = rpc switch
        {
            "crm.ChangeOwner" => () =>
                crm.ChangeOwnerAsync(new ChangeOwnerRequest { PersonId = record, OwnerUserId = user }).ResponseAsync,
            "crm.ConvertLead" => () =>
                crm.ConvertLeadAsync(new ConvertLeadRequest { LeadId = record, AccountId = user }).ResponseAsync,
            "crm.LogActivity" => () =>
                crm.LogActivityAsync(
                    new LogActivityRequest
                    {
                        Activity = new Activity
                        {
                            SubjectId = record,
                            UserId = user,
                            Kind = ActivityKind.Call,
                            Subject = "Call",
                            OccurTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                                _hub.Time.GetUtcNow()
                            ),
                        },
                    }
                ).ResponseAsync,
            "crm.UpsertLead" => () =>
                crm.UpsertLeadAsync(
                    new UpsertLeadRequest
                    {
                        ExternalId = "hostile-lead",
                        Lead = new Person
                        {
                            Email = "new.person@acme.com",
                            LastName = "Person",
                            Company = "Acme Corp",
                            OwnerUserId = user,
                        },
                    }
                ).ResponseAsync,
            "crm.GetAccount" => () => crm.GetAccountAsync(new GetAccountRequest { AccountId = record }).ResponseAsync,
            "meetings.CancelMeeting" => () =>
                new MeetingService.MeetingServiceClient(_hub.Channel)
                    .CancelMeetingAsync(new CancelMeetingRequest { MeetingId = "../users/me" })
                    .ResponseAsync,
            _ => () =>
                new MeetingService.MeetingServiceClient(_hub.Channel)
                    .CreateMeetingAsync(
                        new CreateMeetingRequest
                        {
                            CalendarUserId = "me/../../accounts",
                            Topic = "Intro",
                            DurationMinutes = 30,
                            IdempotencyKey = "hostile-meeting",
                            StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                                _hub.Time.GetUtcNow().AddDays(1)
                            ),
                        }
                    )
                    .ResponseAsync,
        };

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, call);

        Assert.Equal([field], RpcAssert.ViolatedFields(error));
        Assert.Equal(before, _hub.VendorRequests());
    }

    public void Dispose() => _hub.Dispose();
}
