using Grpc.Core;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Server.Capabilities.Meetings;
using CalendarEvent = IntegrationHub.Sdk.Capabilities.Meetings.CalendarEvent;
using Domain = IntegrationHub.Sdk.Capabilities.Meetings;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Meetings served by a remote process speaking the meetings contract.</summary>
public sealed class RemoteMeetingConnector(RemoteEndpoint remote) : IMeetingConnector
{
    private readonly MeetingService.MeetingServiceClient _client = new(remote.Invoker);

    public Task<IReadOnlyList<Domain.TimeSlot>> ListFreeSlotsAsync(
        FreeSlotQuery query,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<Domain.TimeSlot>>(
            async options =>
                [.. (await _client.ListFreeSlotsAsync(query.ToContract(), options)).Slots.Select(s => s.ToDomain())],
            cancellationToken
        );

    public Task<Domain.Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken) =>
        remote.Call(
            async options => (await _client.CreateMeetingAsync(request.ToContract(), options)).Meeting.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<CalendarEvent>> ListCalendarEventsAsync(
        CalendarEventQuery query,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<CalendarEvent>>(
            async options =>
                [
                    .. (await _client.ListCalendarEventsAsync(query.ToContract(), options)).Events.Select(e =>
                        e.ToDomain()
                    ),
                ],
            cancellationToken
        );

    public Task CancelMeetingAsync(string meetingId, CancellationToken cancellationToken) =>
        remote.Call(
            async options =>
                await _client.CancelMeetingAsync(new CancelMeetingRequest { MeetingId = meetingId }, options),
            cancellationToken
        );
}
