using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// A fake of the PartnerName calendar API. Records are the SDK's as JSON; lists answer <c>{"records": [...]}</c>.
/// <list type="bullet">
/// <item><c>GET /v1/users/{user}/busy?from=&amp;to=</c>: the busy times in the window; 404 an unknown user</item>
/// <item><c>POST /v1/users/{user}/meetings</c> with a meeting request: 201 the meeting, 200 the same one for a
/// repeated idempotency key, 409 when it overlaps another meeting</item>
/// <item><c>DELETE /v1/meetings/{id}</c>: 204, or 404 an unknown meeting</item>
/// </list>
/// </summary>
public sealed class PartnerNameFake(TimeProvider? time = null) : PartnerNameApi(time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Meeting>> _calendars = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Meeting> _byKey = [];
    private int _nextId = 6000;

    /// <summary>What the fake was last seeded with.</summary>
    public PartnerNameSandboxSeed Seeded { get; private set; } = new([]);

    /// <summary>Replaces the calendars the fake holds.</summary>
    public void Seed(PartnerNameSandboxSeed world)
    {
        lock (_gate)
        {
            Seeded = world;
            _calendars.Clear();
            _byKey.Clear();
            foreach (var calendar in world.Calendars)
            {
                _calendars[calendar.User] = [.. calendar.Meetings];
            }
        }
    }

    /// <summary>The sandbox hub's demo world, seeded at <paramref name="now"/>.</summary>
    public void SeedDemoWorld(DateTimeOffset now) => Seed(PartnerNameSandboxSeed.At(now));

    /// <inheritdoc />
    protected override FakeResponse Answer(FakeRequest request)
    {
        var path = request.Path.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        lock (_gate)
        {
            return (request.Method.ToUpperInvariant(), path) switch
            {
                ("GET", ["v1", "users", var user, "busy"]) => Busy(user, request),
                ("POST", ["v1", "users", var user, "meetings"]) => Book(user, request),
                ("DELETE", ["v1", "meetings", var id]) => Cancel(id),
                _ => Error(404, "no_such_endpoint"),
            };
        }
    }

    private FakeResponse Busy(string user, FakeRequest request)
    {
        if (!_calendars.TryGetValue(user, out var meetings))
        {
            return Error(404, "no_such_user");
        }

        if (
            !DateTimeOffset.TryParse(request.QueryValue("from"), out var from)
            || !DateTimeOffset.TryParse(request.QueryValue("to"), out var to)
        )
        {
            return Error(400, "from and to must be ISO 8601 times", "from");
        }

        var busy = meetings
            .Where(m => m.Start < to && m.Start + m.Duration > from)
            .Select(m => new TimeSlot(m.Start, m.Start + m.Duration))
            .ToList();
        return Json(200, new { records = busy });
    }

    private FakeResponse Book(string user, FakeRequest request)
    {
        if (!_calendars.TryGetValue(user, out var meetings))
        {
            return Error(404, "no_such_user");
        }

        if (Read<MeetingRequest>(request) is not { } booking || booking.Duration <= TimeSpan.Zero)
        {
            return Error(400, "topic, start, duration and idempotencyKey are required");
        }

        if (_byKey.TryGetValue(booking.IdempotencyKey, out var earlier))
        {
            return Json(200, earlier);
        }

        var end = booking.Start + booking.Duration;
        if (meetings.Exists(m => m.Start < end && booking.Start < m.Start + m.Duration))
        {
            return Error(409, "the time overlaps another meeting", "start");
        }

        var id = $"{_nextId++}";
        var meeting = new Meeting(
            id,
            user,
            booking.Topic,
            booking.Start,
            booking.Duration,
            $"https://meet.partnername.example/j/{id}",
            $"{id}42"
        );
        meetings.Add(meeting);
        _byKey[booking.IdempotencyKey] = meeting;
        return Json(201, meeting);
    }

    private FakeResponse Cancel(string id)
    {
        foreach (var meetings in _calendars.Values)
        {
            if (meetings.RemoveAll(m => m.Id == id) > 0)
            {
                return FakeResponse.Empty(204);
            }
        }

        return Error(404, "no_such_meeting");
    }
}
