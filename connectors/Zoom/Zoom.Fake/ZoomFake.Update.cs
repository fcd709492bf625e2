using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>
/// PATCH /v2/meetings/{meetingId}, the reschedule: 204 with no body, Zoom's validation (code 300 with errors[] naming
/// the field), 404 code 3001 for a meeting Zoom does not know, and a place in the per-user daily create/update limit.
/// </summary>
public sealed partial class ZoomFake
{
    private static readonly int[] MeetingTypes = [1, 2, 3, 8];

    private FakeResponse Update(string id, FakeRequest request)
    {
        var owner = _meetings.FirstOrDefault(u => u.Value.Any(m => Same(m, id)));
        if (owner.Value is not { } meetings)
        {
            return FakeResponse.Json(404, new { code = 3001, message = $"Meeting {id} is not found or has expired." });
        }

        JsonObject body;
        try
        {
            body = request.Json() as JsonObject ?? throw new JsonException();
        }
        catch (JsonException)
        {
            return FakeResponse.Json(400, new { code = 300, message = "Request Body should be a valid JSON object." });
        }

        if (Invalid(body) is { } field)
        {
            return FakeResponse.Json(
                400,
                new
                {
                    code = 300,
                    message = "Validation Failed.",
                    errors = new[] { new { field, message = "Invalid value." } },
                }
            );
        }

        var updates = _createsToday.GetValueOrDefault(owner.Key);
        if (updates >= DailyCreatesPerUser)
        {
            return DailyLimited();
        }

        _createsToday[owner.Key] = updates + 1;
        var index = meetings.FindIndex(m => Same(m, id));
        var meeting = meetings[index];
        meetings[index] = meeting with
        {
            Topic = Text(body, "topic") ?? meeting.Topic,
            Start = Text(body, "start_time") is { } start ? Parse(start)!.Value : meeting.Start,
            Duration = body["duration"] is { } d ? Number(d)!.Value : meeting.Duration,
            TimeZone = Text(body, "timezone") ?? meeting.TimeZone,
            Agenda = Text(body, "agenda") ?? meeting.Agenda,
        };
        return FakeResponse.Empty(204);
    }

    /// <summary>The first field Zoom would refuse, or null.</summary>
    private static string? Invalid(JsonObject body)
    {
        if (body["duration"] is { } duration && !(Number(duration) is >= 1 and <= 1440))
        {
            return "duration";
        }

        if (body["type"] is { } type && !MeetingTypes.Contains(Number(type) ?? 0))
        {
            return "type";
        }

        if (body["start_time"] is not null && Parse(Text(body, "start_time")) is null)
        {
            return "start_time";
        }

        // Zoom caps a topic at 200 characters.
        return body["topic"] is not null && (Text(body, "topic") is not { } t || t.Length > 200) ? "topic" : null;
    }

    private static int? Number(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) ? n : null;

    private static string? Text(JsonObject body, string name) =>
        body[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static bool Same(FakeMeeting meeting, string id) => meeting.Id.ToString(CultureInfo.InvariantCulture) == id;
}
