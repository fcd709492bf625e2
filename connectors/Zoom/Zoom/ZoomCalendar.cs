using System.Globalization;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>
/// Calendar events over Zoom Calendar (GET v2/calendars/{calId}/events, Google-Calendar-shaped): one listing per
/// calendar, since Zoom has no call that lists the events of several calendars (its freeBusy gives busy time without
/// saying why), run a few at a time so a rep set of twenty stays inside the Light rate limit. Every page is read
/// (nextPageToken). <c>eventType</c> says what the event is: <c>outOfOffice</c>, <c>focusTime</c>,
/// <c>workingLocation</c>, <c>holiday</c> (a public holiday), anything else is busy time.
/// </summary>
public sealed partial class ZoomConnector
{
    /// <summary>The most calendars one call reads.</summary>
    public const int MaxCalendars = 100;

    private const int CalendarsAtOnce = 4;

    public async Task<IReadOnlyList<CalendarEvent>> ListCalendarEventsAsync(
        CalendarEventQuery query,
        CancellationToken cancellationToken
    )
    {
        Validate(query);
        using var gate = new SemaphoreSlim(CalendarsAtOnce);
        var calendars = query
            .CalendarUserIds.Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(async user =>
            {
                await gate.WaitAsync(cancellationToken);
                try
                {
                    return await EventsOfAsync(user, query, cancellationToken);
                }
                finally
                {
                    gate.Release();
                }
            });
        return [.. (await Task.WhenAll(calendars)).SelectMany(e => e)];
    }

    private async Task<List<CalendarEvent>> EventsOfAsync(
        string user,
        CalendarEventQuery query,
        CancellationToken cancellationToken
    )
    {
        var events = new List<CalendarEvent>();
        string? next = null;
        do
        {
            var path =
                $"v2/calendars/{Uri.EscapeDataString(user)}/events?timeMin={Rfc3339(query.WindowStart)}"
                + $"&timeMax={Rfc3339(query.WindowEnd)}&singleEvents=true&maxResults=250"
                + (next is null ? "" : "&pageToken=" + Uri.EscapeDataString(next));
            var (_, page) = await api.SendAsync(HttpMethod.Get, path, null, cancellationToken);
            var zone = Zone(page?["timeZone"]?.GetValue<string>());
            events.AddRange(
                (page?["items"] as JsonArray ?? [])
                    .OfType<JsonNode>()
                    .Where(e => e["status"]?.GetValue<string>() != "cancelled")
                    .Select(e => ReadEvent(e, user, zone))
                    .OfType<CalendarEvent>()
            );
            next = page?["nextPageToken"]?.GetValue<string>() is { Length: > 0 } token && token != next ? token : null;
        } while (next is not null);

        return events;
    }

    private static CalendarEvent? ReadEvent(JsonNode e, string user, TimeZoneInfo zone)
    {
        if (When(e["start"], zone) is not { } start || When(e["end"], zone) is not { } end)
        {
            return null;
        }

        var kind = e["eventType"]?.GetValue<string>() switch
        {
            "outOfOffice" => CalendarEventKind.OutOfOffice,
            "holiday" => CalendarEventKind.Holiday,
            "focusTime" => CalendarEventKind.FocusTime,
            "workingLocation" => CalendarEventKind.WorkingLocation,
            _ => CalendarEventKind.Busy,
        };
        return new CalendarEvent(user, kind, start, end, e["summary"]?.GetValue<string>());
    }

    /// <summary>A timed event's dateTime, or an all-day event's date at midnight in the calendar's zone.</summary>
    private static DateTimeOffset? When(JsonNode? at, TimeZoneInfo zone)
    {
        if (at?["dateTime"]?.GetValue<string>() is { } dateTime)
        {
            return DateTimeOffset.TryParse(
                dateTime,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var value
            )
                ? value
                : throw Protocol($"unreadable dateTime '{dateTime}'");
        }

        if (at?["date"]?.GetValue<string>() is { } date)
        {
            if (
                !DateOnly.TryParseExact(
                    date,
                    "yyyy-MM-dd",
                    CultureInfo.InvariantCulture,
                    DateTimeStyles.None,
                    out var d
                )
            )
            {
                throw Protocol($"unreadable date '{date}'");
            }

            var midnight = d.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
        }

        return null;
    }

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static ConnectorException Protocol(string what) =>
        new(ConnectorErrorKind.VendorProtocol, $"Zoom Calendar sent an event with an {what}.")
        {
            Vendor = Name,
            Reason = "ZOOM_CALENDAR_EVENT",
        };

    private static string Rfc3339(DateTimeOffset at) =>
        Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private static void Validate(CalendarEventQuery query)
    {
        var problems = new List<FieldViolation>();
        if (query.CalendarUserIds.Count is 0 or > MaxCalendars)
        {
            problems.Add(new FieldViolation("calendar_user_ids", $"must name 1 to {MaxCalendars} calendars"));
        }

        problems.AddRange(
            query
                .CalendarUserIds.Select((id, i) => (id, i))
                .Where(c => !ZoomIds.IsUser(c.id))
                .Select(c => new FieldViolation($"calendar_user_ids[{c.i}]", ZoomIds.UserShape))
        );
        if (query.WindowEnd <= query.WindowStart || query.WindowEnd - query.WindowStart > TimeSpan.FromDays(31))
        {
            problems.Add(
                new FieldViolation("window_end_time", "must be after window_start_time and at most 31 days later")
            );
        }

        if (problems.Count > 0)
        {
            throw ConnectorException.Invalid([.. problems]);
        }
    }
}
