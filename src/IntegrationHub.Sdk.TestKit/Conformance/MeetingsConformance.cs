using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>The conformance suite every meetings connector must pass.</summary>
public abstract class MeetingsConformance : ConnectorConformance<IMeetingConnector>
{
    /// <summary>A calendar user the fake knows, with an empty calendar.</summary>
    protected abstract string KnownUser { get; }

    /// <summary>
    /// A calendar user the fake knows and the meetings it was seeded with: at least one between 00:00 and 04:00 UTC
    /// tomorrow by <see cref="ConnectorConformance{TConnector}.Time"/>, the window the suite looks at.
    /// </summary>
    protected virtual (string User, IReadOnlyList<TimeSlot> Meetings) KnownCalendar =>
        throw NotHandedIn(nameof(KnownCalendar));

    protected static WorkingHours AllDay { get; } =
        new("UTC", TimeOnly.MinValue, TimeOnly.MinValue, new HashSet<DayOfWeek>(Enum.GetValues<DayOfWeek>()));

    private DateTimeOffset Today => new(Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);

    private FreeSlotQuery Tomorrow(string user) =>
        new(
            user,
            Today.AddDays(1),
            Today.AddDays(1).AddHours(4),
            TimeSpan.FromMinutes(30),
            TimeSpan.Zero,
            TimeSpan.Zero,
            AllDay
        );

    private protected override Task CallVendorAsync(IMeetingConnector connector, CancellationToken ct) =>
        connector.ListFreeSlotsAsync(Tomorrow(KnownUser), ct);

    [Fact]
    public async Task A_booked_slot_disappears_from_the_free_slots()
    {
        var meetings = await CreateConnectorAsync(VendorCondition.Healthy);
        var before = await meetings.ListFreeSlotsAsync(Tomorrow(KnownUser), CancellationToken.None);
        var slot = before[2];
        var meeting = await meetings.CreateMeetingAsync(
            new MeetingRequest(
                KnownUser,
                "Conformance",
                slot.Start,
                TimeSpan.FromMinutes(30),
                "UTC",
                "v@conformance.example",
                "conf-1"
            ),
            CancellationToken.None
        );
        var after = await meetings.ListFreeSlotsAsync(Tomorrow(KnownUser), CancellationToken.None);

        Assert.StartsWith("https://", meeting.JoinUrl, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(meeting.Id));
        SeededFields.AssertMatch(
            new Meeting(
                meeting.Id,
                KnownUser,
                "Conformance",
                slot.Start,
                TimeSpan.FromMinutes(30),
                meeting.JoinUrl,
                meeting.Passcode
            ),
            meeting
        );
        Assert.DoesNotContain(slot, after);
        SeededFields.AssertMatch(Free(Tomorrow(KnownUser), []), before);
        SeededFields.AssertMatch(Free(Tomorrow(KnownUser), [slot]), after);
    }

    [Fact]
    public async Task The_free_slots_are_the_working_hours_less_every_seeded_meeting()
    {
        var meetings = await CreateConnectorAsync(VendorCondition.Healthy);
        var (user, busy) = KnownCalendar;
        Assert.Contains(busy, b => b.Start < Tomorrow(user).WindowEnd && b.End > Tomorrow(user).WindowStart);
        SeededFields.AssertMatch(
            Free(Tomorrow(user), busy),
            await meetings.ListFreeSlotsAsync(Tomorrow(user), CancellationToken.None)
        );
    }

    /// <summary>What every meetings connector must answer: the SDK's shared calculation over the calendar.</summary>
    private IReadOnlyList<TimeSlot> Free(FreeSlotQuery query, IReadOnlyList<TimeSlot> busy) =>
        FreeSlotCalculator.Compute(query, busy, Time.GetUtcNow());

    [Fact]
    public async Task Booking_twice_with_one_key_books_once()
    {
        var meetings = await CreateConnectorAsync(VendorCondition.Healthy);
        var start = Today.AddDays(2).AddHours(10);
        var request = new MeetingRequest(KnownUser, "Once", start, TimeSpan.FromMinutes(30), "UTC", null, "conf-once");
        var first = await meetings.CreateMeetingAsync(request, CancellationToken.None);
        var second = await meetings.CreateMeetingAsync(request, CancellationToken.None);
        SeededFields.AssertMatch(first, second);
    }

    [Fact]
    public async Task A_taken_slot_cannot_be_booked_again_under_another_key()
    {
        var meetings = await CreateConnectorAsync(VendorCondition.Healthy);
        var start = Today.AddDays(3).AddHours(9);
        await meetings.CreateMeetingAsync(
            new MeetingRequest(KnownUser, "First", start, TimeSpan.FromMinutes(30), "UTC", null, "conf-a"),
            CancellationToken.None
        );
        await AssertFailsWith(ConnectorErrorKind.FailedPrecondition, () =>
            meetings.CreateMeetingAsync(
                new MeetingRequest(
                    KnownUser,
                    "Second",
                    start.AddMinutes(15),
                    TimeSpan.FromMinutes(30),
                    "UTC",
                    null,
                    "conf-b"
                ),
                CancellationToken.None
            )
        );
    }

    [Fact]
    public async Task A_backwards_window_is_invalid_argument()
    {
        var meetings = await CreateConnectorAsync(VendorCondition.Healthy);
        var query = Tomorrow(KnownUser) with { WindowEnd = Time.GetUtcNow().AddDays(-1) };
        var error = await AssertFailsWith(ConnectorErrorKind.InvalidArgument, () =>
            meetings.ListFreeSlotsAsync(query, CancellationToken.None)
        );
        Assert.NotEmpty(error.FieldViolations);
    }

    [Fact]
    public async Task An_unknown_user_or_meeting_is_not_found()
    {
        var meetings = await CreateConnectorAsync(VendorCondition.Healthy);
        await AssertFailsWith(ConnectorErrorKind.NotFound, () =>
            meetings.ListFreeSlotsAsync(Tomorrow("nobody@conformance.example"), CancellationToken.None)
        );
        await AssertFailsWith(ConnectorErrorKind.NotFound, () =>
            meetings.CancelMeetingAsync("123", CancellationToken.None)
        );
    }
}
