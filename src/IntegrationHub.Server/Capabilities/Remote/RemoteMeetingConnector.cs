using Grpc.Core;
using IntegrationHub.Contracts.Meetings.V1;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Server.Capabilities.Meetings;
using static IntegrationHub.Server.Capabilities.Remote.RemoteErrorTranslation;
using Domain = IntegrationHub.Sdk.Capabilities.Meetings;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Meetings served by a remote process speaking the meetings contract.</summary>
public sealed class RemoteMeetingConnector(CallInvoker invoker, string name) : IMeetingConnector
{
    private readonly MeetingService.MeetingServiceClient _client = new(invoker);

    public Task<IReadOnlyList<Domain.TimeSlot>> ListFreeSlotsAsync(
        FreeSlotQuery query,
        CancellationToken cancellationToken
    ) =>
        Call<IReadOnlyList<Domain.TimeSlot>>(
            name,
            async () =>
                [
                    .. (
                        await _client.ListFreeSlotsAsync(query.ToContract(), cancellationToken: cancellationToken)
                    ).Slots.Select(s => s.ToDomain()),
                ],
            cancellationToken
        );

    public Task<Domain.Meeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken) =>
        Call(
            name,
            async () =>
                (
                    await _client.CreateMeetingAsync(request.ToContract(), cancellationToken: cancellationToken)
                ).Meeting.ToDomain(),
            cancellationToken
        );

    public Task CancelMeetingAsync(string meetingId, CancellationToken cancellationToken) =>
        Call(
            name,
            async () =>
                await _client.CancelMeetingAsync(
                    new CancelMeetingRequest { MeetingId = meetingId },
                    cancellationToken: cancellationToken
                ),
            cancellationToken
        );
}
