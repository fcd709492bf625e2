using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Server.Capabilities.Crm;
using IntegrationHub.Server.Capabilities.Enrichment;
using IntegrationHub.Server.Capabilities.Marketing;
using IntegrationHub.Server.Capabilities.Meetings;
using IntegrationHub.Server.Capabilities.Sequencing;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>
/// Domain → contract → domain must give back what went in, every field and every enum value:
/// the remote connector path depends on it.
/// </summary>
public sealed class MappingRoundTripTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(MatchStatus.Match, MatchConfidence.VeryHigh, BuyingStage.Purchase, ProfileFit.Strong)]
    [InlineData(MatchStatus.NonActionable, MatchConfidence.Low, BuyingStage.Target, ProfileFit.Weak)]
    public void Company_identification(
        MatchStatus status,
        MatchConfidence confidence,
        BuyingStage stage,
        ProfileFit fit
    )
    {
        var original = new CompanyIdentification(
            status,
            confidence,
            new Firmographics(
                "Acme",
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
            [new ProductScore("p", "P", 63, stage, 9, fit, true)],
            [new CompanySegment(4713, "Web")]
        );
        var back = original.ToContract().ToDomain();
        Assert.Equal(
            original with
            {
                ProductScores = [],
                Segments = [],
            },
            back with
            {
                ProductScores = [],
                Segments = [],
            }
        );
        Assert.Equal(original.ProductScores, back.ProductScores);
        Assert.Equal(original.Segments, back.Segments);
    }

    [Theory]
    [InlineData(BdrProspectingStatus.ActivelyWorking, AccountType.Customer, AccountSegment.PubSec)]
    [InlineData(BdrProspectingStatus.Restricted, AccountType.Prospect, AccountSegment.Smb)]
    public void Account(BdrProspectingStatus status, AccountType type, AccountSegment segment)
    {
        var original = new Account
        {
            Id = "001",
            Name = "Acme",
            Domain = "acme.com",
            BdrProspectingStatus = status,
            BdrAssignedUserId = "005B",
            OwnerUserId = "005O",
            Type = type,
            Segment = segment,
            PublicSector = true,
            PartnerProspectingStatus = "Partner",
            TotalCarrCents = 480_000,
            ParentAccountId = "001P",
            UltimateParentId = "001U",
            CountryCode = "US",
            Description = "County",
            PaidTier = true,
            LastActivityAt = At,
        };
        Assert.Equal(original, original.ToContract().ToDomain());
    }

    [Fact]
    public void Person_and_activity_and_user()
    {
        var person = new Person
        {
            Id = "00Q",
            Kind = PersonKind.Lead,
            Email = "j@acme.com",
            FirstName = "J",
            LastName = "D",
            Company = "Acme",
            Title = "VP",
            Phone = "+1",
            CountryCode = "US",
            Status = LeadStatus.Qualifying,
            OwnerUserId = "005",
            AccountId = "001",
            MqlAt = At,
            LastActivityAt = At.AddDays(-1),
            NextTaskAt = At.AddDays(1),
            ExternalId = "hub-1",
            LeadScore = 120,
        };
        Assert.Equal(person, person.ToContract().ToDomain());
        var activity = new Activity("00T", "001", "005", ActivityKind.Meeting, At, "Demo");
        Assert.Equal(activity, activity.ToContract().ToDomain());
        var user = new CrmUser("005", "Rep", "rep@hub.test", "005M");
        Assert.Equal(user, user.ToContract().ToDomain());
    }

    [Fact]
    public void Prospect_with_sequence_states()
    {
        var rep = new SequencingRep("1", "rep@hub.test", "Rep");
        var original = new Prospect(
            "18",
            ["j@acme.com"],
            "J",
            "D",
            "VP",
            "Acme",
            rep,
            [
                new SequenceState("7", "42", "Inbound", SequenceStateKind.Paused, rep, At, 2),
                new SequenceState("8", "43", "ABM", SequenceStateKind.Stopped, null, null, 0),
            ]
        );
        var back = original.ToContract().ToDomain();
        Assert.Equal(original.Emails, back.Emails);
        Assert.Equal(original.SequenceStates, back.SequenceStates);
        Assert.Equal(
            original with
            {
                Emails = [],
                SequenceStates = [],
            },
            back with
            {
                Emails = [],
                SequenceStates = [],
            }
        );
    }

    [Fact]
    public void Program_and_engagement()
    {
        var program = new MarketingProgram(
            "1004",
            "Webinar",
            "Webinar",
            "Default",
            "https://m/1004",
            [new ProgramTag("UsedWithQualified", "True")],
            At
        );
        var back = program.ToContract().ToDomain();
        Assert.Equal(program.Tags, back.Tags);
        Assert.Equal(program with { Tags = [] }, back with { Tags = [] });
        var engagement = new PersonEngagement("7", "j@acme.com", 130, "Attended webinar", At);
        Assert.Equal(engagement, engagement.ToContract().ToDomain());
    }

    [Fact]
    public void Meeting_slots_and_working_hours()
    {
        var meeting = new Meeting(
            "92674392836",
            "rep@hub.test",
            "Intro",
            At,
            TimeSpan.FromMinutes(45),
            "https://zoom/j/1",
            "123456"
        );
        Assert.Equal(meeting, meeting.ToContract().ToDomain());
        var slot = new TimeSlot(At, At.AddMinutes(30));
        Assert.Equal(slot, slot.ToContract().ToDomain());
        var hours = new WorkingHours(
            "Europe/Paris",
            new TimeOnly(8, 30),
            TimeOnly.MinValue,
            new HashSet<DayOfWeek> { DayOfWeek.Sunday, DayOfWeek.Monday }
        );
        var backHours = hours.ToContract().ToDomain();
        Assert.Equal((hours.TimeZone, hours.Start, hours.End), (backHours.TimeZone, backHours.Start, backHours.End));
        Assert.True(hours.Days.SetEquals(backHours.Days));
    }
}
