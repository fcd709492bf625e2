using System.Globalization;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>
/// Zoom Calendar's events listing, GET /v2/calendars/{calId}/events (the calendar id is the user's email, as for the
/// primary calendar): Google-Calendar-shaped items with an <c>eventType</c> (<c>default</c>, <c>outOfOffice</c>,
/// <c>focusTime</c>, <c>workingLocation</c>, and <c>holiday</c> for a public holiday), timed events with
/// <c>start.dateTime</c>, all-day ones with <c>start.date</c> (end exclusive), every event overlapping
/// [timeMin, timeMax), paged by <c>maxResults</c> and <c>nextPageToken</c>. Both bounds are required (400 code 300
/// naming the field, as Zoom validates); an unknown calendar is 404 code 1001. Booked meetings show as
/// <c>default</c> events.
/// </summary>
public sealed partial class ZoomFake
{
    private readonly Dictionary<string, List<FakeCalendarEvent>> _events = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Events per calendar page (Zoom, like Google, caps maxResults at 2500).</summary>
    public int CalendarPageSize { get; set; } = 2500;

    /// <summary>A timed event on <paramref name="userId"/>'s calendar (out of office: <c>outOfOffice</c>).</summary>
    public void AddCalendarEvent(
        string userId,
        string eventType,
        string summary,
        DateTimeOffset start,
        DateTimeOffset end
    )
    {
        lock (_lock)
        {
            AddUser(userId);
            Events(userId)
                .Add(new FakeCalendarEvent(Guid.NewGuid().ToString("N")[..26], eventType, summary, start, end));
        }
    }

    /// <summary>An all-day event from <paramref name="first"/> through <paramref name="last"/> (UTC dates).</summary>
    public void AddAllDayEvent(string userId, string eventType, string summary, DateOnly first, DateOnly last)
    {
        lock (_lock)
        {
            AddUser(userId);
            Events(userId)
                .Add(
                    new FakeCalendarEvent(
                        Guid.NewGuid().ToString("N")[..26],
                        eventType,
                        summary,
                        new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                        new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                        AllDay: true
                    )
                );
        }
    }

    private List<FakeCalendarEvent> Events(string userId) =>
        _events.TryGetValue(userId, out var list) ? list : _events[userId] = [];

    private FakeResponse CalendarEvents(string calendar, FakeRequest request)
    {
        if (!_meetings.TryGetValue(calendar, out var meetings))
        {
            return FakeResponse.Json(404, new { code = 1001, message = $"User does not exist: {calendar}." });
        }

        if (Bound(request, "timeMin") is not { } from)
        {
            return Invalid("timeMin");
        }

        if (Bound(request, "timeMax") is not { } to || to <= from)
        {
            return Invalid("timeMax");
        }

        var all = Events(calendar)
            .Concat(
                meetings.Select(m => new FakeCalendarEvent(
                    m.Id.ToString(CultureInfo.InvariantCulture),
                    "default",
                    m.Topic,
                    m.Start,
                    m.Start.AddMinutes(m.Duration)
                ))
            )
            .Where(e => e.Start < to && from < e.End)
            .OrderBy(e => e.Start)
            .ToList();
        var offset = int.TryParse(request.QueryValue("pageToken"), CultureInfo.InvariantCulture, out var o) ? o : 0;
        var size = Math.Min(
            CalendarPageSize,
            int.TryParse(request.QueryValue("maxResults"), CultureInfo.InvariantCulture, out var s) ? s : 250
        );
        var page = all.Skip(offset).Take(size).ToList();
        var body = new Dictionary<string, object?>
        {
            ["kind"] = "calendar#events",
            ["summary"] = calendar,
            ["timeZone"] = "UTC",
            ["items"] = page.Select(Render).ToList(),
        };
        if (offset + page.Count < all.Count)
        {
            body["nextPageToken"] = (offset + page.Count).ToString(CultureInfo.InvariantCulture);
        }

        return FakeResponse.Json(200, body);
    }

    private static DateTimeOffset? Bound(FakeRequest request, string name) =>
        DateTimeOffset.TryParse(
            request.QueryValue(name),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var value
        )
            ? value
            : null;

    private static FakeResponse Invalid(string field) =>
        FakeResponse.Json(
            400,
            new
            {
                code = 300,
                message = "Validation Failed.",
                errors = new[] { new { field, message = "Invalid value; an RFC 3339 time is required." } },
            }
        );

    private static Dictionary<string, object?> Render(FakeCalendarEvent e) =>
        new()
        {
            ["kind"] = "calendar#event",
            ["id"] = e.Id,
            ["status"] = "confirmed",
            ["summary"] = e.Summary,
            ["eventType"] = e.EventType,
            ["start"] = When(e.Start, e.AllDay),
            ["end"] = When(e.End, e.AllDay),
        };

    private static Dictionary<string, string> When(DateTimeOffset at, bool allDay) =>
        allDay
            ? new() { ["date"] = at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }
            : new()
            {
                ["dateTime"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                ["timeZone"] = "UTC",
            };

    private sealed record FakeCalendarEvent(
        string Id,
        string EventType,
        string Summary,
        DateTimeOffset Start,
        DateTimeOffset End,
        bool AllDay = false
    );
}
