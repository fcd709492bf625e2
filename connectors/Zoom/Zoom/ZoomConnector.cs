using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>
/// Meetings over the Zoom API: free slots are the rep's working hours minus the meetings Zoom
/// lists for the user; a booking creates a scheduled meeting with its own join link. The
/// idempotency key is written into the meeting's agenda, so a repeated booking finds the
/// meeting the first attempt made instead of creating a second one.
/// </summary>
[Connector(Name, typeof(ZoomOptions), Version = "1.0.0")]
public sealed partial class ZoomConnector(ZoomApi api, TimeProvider time) : IMeetingConnector
{
    public const string Name = "Zoom";

    public async Task<IReadOnlyList<TimeSlot>> ListFreeSlotsAsync(
        FreeSlotQuery query,
        CancellationToken cancellationToken
    )
    {
        Validate(query);
        var busy = (await UpcomingAsync(query.CalendarUserId, cancellationToken)).Select(m => new TimeSlot(
            m.Start,
            m.Start + m.Duration
        ));
        return FreeSlotCalculator.Compute(query, busy, time.GetUtcNow());
    }

    public async Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        Validate(request);
        var marker = $"[hub-key:{request.IdempotencyKey}]";
        var upcoming = await UpcomingAsync(request.CalendarUserId, cancellationToken);
        if (
            upcoming
                .Where(m => m.Agenda.Contains(marker, StringComparison.Ordinal))
                .Select(m => m.Meeting)
                .FirstOrDefault() is
            { } earlier
        )
        {
            return earlier;
        }

        var end = request.Start + request.Duration;
        if (upcoming.Any(m => m.Start < end && request.Start < m.Start + m.Duration))
        {
            throw new ConnectorException(
                ConnectorErrorKind.FailedPrecondition,
                "That slot is no longer free on the rep's calendar."
            )
            {
                Vendor = Name,
                Reason = "SLOT_TAKEN",
            };
        }

        var (_, body) = await api.SendAsync(
            HttpMethod.Post,
            $"v2/users/{Uri.EscapeDataString(request.CalendarUserId)}/meetings",
            new JsonObject
            {
                ["topic"] = request.Topic,
                ["type"] = 2,
                ["start_time"] = request.Start.UtcDateTime.ToString(
                    "yyyy-MM-dd'T'HH:mm:ss'Z'",
                    CultureInfo.InvariantCulture
                ),
                ["duration"] = (int)request.Duration.TotalMinutes,
                ["timezone"] = string.IsNullOrEmpty(request.TimeZone) ? "UTC" : request.TimeZone,
                ["agenda"] =
                    $"Booked through "
                    + $"IntegrationHub{(request.InviteeEmail is null ? "" : " with " + request.InviteeEmail)} {marker}",
                ["settings"] = new JsonObject
                {
                    ["join_before_host"] = false,
                    ["waiting_room"] = true,
                    ["approval_type"] = 2,
                    ["audio"] = "both",
                },
            },
            cancellationToken
        );
        return ReadMeeting(body!, request.CalendarUserId).Meeting;
    }

    public async Task CancelMeetingAsync(string meetingId, CancellationToken cancellationToken)
    {
        if (!long.TryParse(meetingId, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw ConnectorException.Invalid(new FieldViolation("meeting_id", "must be a Zoom meeting id (digits)"));
        }

        ZoomIds.RequireMeeting(meetingId);
        await api.SendAsync(HttpMethod.Delete, $"v2/meetings/{meetingId}", null, cancellationToken);
    }

    private async Task<List<(Meeting Meeting, DateTimeOffset Start, TimeSpan Duration, string Agenda)>> UpcomingAsync(
        string userId,
        CancellationToken cancellationToken
    )
    {
        var meetings = new List<(Meeting, DateTimeOffset, TimeSpan, string)>();
        string? next = null;
        do
        {
            var path =
                $"v2/users/{Uri.EscapeDataString(userId)}/meetings?type=upcoming&page_size=300"
                + (next is null ? "" : "&next_page_token=" + Uri.EscapeDataString(next));
            var (_, page) = await api.SendAsync(HttpMethod.Get, path, null, cancellationToken);
            meetings.AddRange(
                (page?["meetings"] as JsonArray ?? [])
                    .OfType<JsonNode>()
                    .Where(m => m["start_time"] is not null)
                    .Select(m => ReadMeeting(m, userId))
            );
            next =
                page?["next_page_token"]?.GetValue<string>() is { Length: > 0 } token && token != next ? token : null;
        } while (next is not null);

        return meetings;
    }

    private static (Meeting Meeting, DateTimeOffset Start, TimeSpan Duration, string Agenda) ReadMeeting(
        JsonNode m,
        string userId
    )
    {
        // Meeting ids exceed 32 bits: read them as 64-bit numbers and carry them as text.
        var id =
            m["id"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                ? v.GetValue<long>().ToString(CultureInfo.InvariantCulture)
                : m["id"]?.ToString() ?? "";
        var start = DateTimeOffset.Parse(
            m["start_time"]!.GetValue<string>(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal
        );
        var duration = TimeSpan.FromMinutes(m["duration"]?.GetValue<int>() ?? 0);
        return (
            new Meeting(
                id,
                userId,
                m["topic"]?.GetValue<string>() ?? "",
                start,
                duration,
                m["join_url"]?.GetValue<string>() ?? "",
                m["password"]?.GetValue<string>()
            ),
            start,
            duration,
            m["agenda"]?.GetValue<string>() ?? ""
        );
    }

    private static void Validate(FreeSlotQuery query)
    {
        var problems = new List<FieldViolation>();
        if (query.WindowEnd <= query.WindowStart || query.WindowEnd - query.WindowStart > TimeSpan.FromDays(31))
        {
            problems.Add(
                new FieldViolation("window_end_time", "must be after window_start_time and at most 31 days later")
            );
        }

        if (query.Duration < TimeSpan.FromMinutes(5) || query.Duration > TimeSpan.FromMinutes(480))
        {
            problems.Add(new FieldViolation("duration_minutes", "must be between 5 and 480"));
        }

        if (query.Buffer < TimeSpan.Zero || query.Buffer > TimeSpan.FromMinutes(120))
        {
            problems.Add(new FieldViolation("buffer_minutes", "must be between 0 and 120"));
        }

        if (query.MinimumNotice < TimeSpan.Zero || query.MinimumNotice > TimeSpan.FromDays(7))
        {
            problems.Add(new FieldViolation("minimum_notice_minutes", "must be between 0 and 10080"));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(query.WorkingHours.TimeZone, out _))
        {
            problems.Add(new FieldViolation("working_hours.time_zone", "must be an IANA time zone"));
        }

        if (!ZoomIds.IsUser(query.CalendarUserId))
        {
            problems.Add(new FieldViolation("calendar_user_id", ZoomIds.UserShape));
        }

        if (problems.Count > 0)
        {
            throw ConnectorException.Invalid([.. problems]);
        }
    }

    private static void Validate(MeetingRequest request)
    {
        var problems = new List<FieldViolation>();
        if (!ZoomIds.IsUser(request.CalendarUserId))
        {
            problems.Add(new FieldViolation("calendar_user_id", ZoomIds.UserShape));
        }

        if (string.IsNullOrWhiteSpace(request.Topic) || request.Topic.Length > 200)
        {
            problems.Add(new FieldViolation("topic", "is required, at most 200 characters"));
        }

        if (request.Duration < TimeSpan.FromMinutes(5) || request.Duration > TimeSpan.FromMinutes(480))
        {
            problems.Add(new FieldViolation("duration_minutes", "must be between 5 and 480"));
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey))
        {
            problems.Add(new FieldViolation("idempotency_key", "is required"));
        }

        if (problems.Count > 0)
        {
            throw ConnectorException.Invalid([.. problems]);
        }
    }
}
