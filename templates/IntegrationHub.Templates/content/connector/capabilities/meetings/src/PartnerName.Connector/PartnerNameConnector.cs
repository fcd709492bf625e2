using System.Globalization;
using System.Net;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;

namespace PartnerName.Connector;

/// <summary>
/// Free slots, bookings and cancellations over the PartnerName calendar API. Free slots are the rep's working hours
/// less the busy times the vendor lists, computed by the SDK's <see cref="FreeSlotCalculator"/> so every meetings
/// connector offers the same slots. The vendor's records are the SDK's records as JSON; a real vendor's shape needs a
/// mapping of its own.
/// </summary>
[Connector(Name, typeof(PartnerNameOptions), Version = "0.1.0")]
public sealed class PartnerNameConnector(
    IHttpClientFactory clients,
    IOptions<PartnerNameOptions> options,
    TimeProvider time
) : IMeetingConnector
{
    /// <summary>
    /// The connector's name: its configuration section and the value of Capabilities:Meetings:Connector.
    /// </summary>
    public const string Name = "PartnerName";

    private readonly PartnerNameApiClient _api = new(clients, options);

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimeSlot>> ListFreeSlotsAsync(
        FreeSlotQuery query,
        CancellationToken cancellationToken
    )
    {
        // Checked here, before the vendor is called: a backwards window or an empty meeting has no answer.
        var problems = new List<FieldViolation>();
        if (query.WindowEnd <= query.WindowStart)
        {
            problems.Add(new("window_end_time", "must be after window_start_time"));
        }

        if (query.Duration <= TimeSpan.Zero)
        {
            problems.Add(new("duration_minutes", "must be positive"));
        }

        if (problems.Count > 0)
        {
            throw ConnectorException.Invalid([.. problems]);
        }

        var from = Uri.EscapeDataString(query.WindowStart.ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(query.WindowEnd.ToString("O", CultureInfo.InvariantCulture));
        var (_, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/users/{Uri.EscapeDataString(query.CalendarUserId)}/busy?from={from}&to={to}",
            null,
            "calendar_user_id",
            cancellationToken,
            HttpStatusCode.OK
        );
        var busy = PartnerNameApiClient.Parse<Page>(body).Records ?? throw PartnerNameApiClient.Unreadable();
        return FreeSlotCalculator.Compute(query, busy, time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        // The vendor keeps the idempotency key: a retried booking answers the first one (200), and a slot another
        // booking took is 409, which the hub reports as FAILED_PRECONDITION.
        var (_, body) = await _api.SendAsync(
            HttpMethod.Post,
            $"v1/users/{Uri.EscapeDataString(request.CalendarUserId)}/meetings",
            request,
            "meeting",
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.Created
        );
        return PartnerNameApiClient.Parse<Meeting>(body);
    }

    /// <inheritdoc />
    public async Task CancelMeetingAsync(string meetingId, CancellationToken cancellationToken) =>
        await _api.SendAsync(
            HttpMethod.Delete,
            $"v1/meetings/{Uri.EscapeDataString(meetingId)}",
            null,
            "meeting_id",
            cancellationToken,
            HttpStatusCode.NoContent
        );

    /// <summary>The vendor's list answer: <c>{"records": [...]}</c>.</summary>
    private sealed record Page(IReadOnlyList<TimeSlot>? Records);
}
