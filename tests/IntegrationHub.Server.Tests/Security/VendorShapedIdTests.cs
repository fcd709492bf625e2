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

    public static TheoryData<string, string> HostileWrites() =>
        new()
        {
            { "crm.ChangeOwner", "person_id" },
            { "crm.ConvertLead", "account_id" },
            { "crm.LogActivity", "activity.subject_id" },
            { "meetings.CancelMeeting", "meeting_id" },
            { "meetings.CreateMeeting", "calendar_user_id" },
        };

    [Theory]
    [MemberData(nameof(HostileWrites))]
    public async Task A_write_naming_a_record_by_an_id_no_vendor_could_issue_is_invalid_and_reaches_no_vendor(
        string rpc,
        string field
    )
    {
        var crm = new CrmService.CrmServiceClient(_hub.Channel);
        var before = _hub.VendorRequests();
        Func<Task> call = rpc switch
        {
            "crm.ChangeOwner" => () =>
                crm.ChangeOwnerAsync(
                    new ChangeOwnerRequest { PersonId = "00Q' OR Id != '", OwnerUserId = "005SDR01" }
                ).ResponseAsync,
            "crm.ConvertLead" => () =>
                crm.ConvertLeadAsync(
                    new ConvertLeadRequest { LeadId = "00QJANE", AccountId = "001/../../User" }
                ).ResponseAsync,
            "crm.LogActivity" => () =>
                crm.LogActivityAsync(
                    new LogActivityRequest
                    {
                        Activity = new Activity
                        {
                            SubjectId = "001ACME'--",
                            UserId = "005SDR01",
                            Kind = ActivityKind.Call,
                            Subject = "Call",
                            OccurTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                                _hub.Time.GetUtcNow()
                            ),
                        },
                    }
                ).ResponseAsync,
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
