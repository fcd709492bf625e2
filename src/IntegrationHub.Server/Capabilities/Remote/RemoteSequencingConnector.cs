using Grpc.Core;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Server.Capabilities.Sequencing;
using Domain = IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Sequencing served by a remote process speaking the sequencing contract.</summary>
public sealed class RemoteSequencingConnector(RemoteEndpoint remote) : ISequencingConnector
{
    private readonly SequencingService.SequencingServiceClient _client = new(remote.Invoker);

    public Task<Domain.Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken) =>
        remote.OrNull(
            async options =>
                (await _client.GetProspectAsync(new GetProspectRequest { Email = email }, options)).Prospect.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.SequenceState>> ListSequenceStatesAsync(
        string prospectId,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<Domain.SequenceState>>(
            async options =>
                [
                    .. (
                        await _client.ListSequenceStatesAsync(
                            new ListSequenceStatesRequest { ProspectId = prospectId },
                            options
                        )
                    ).SequenceStates.Select(s => s.ToDomain()),
                ],
            cancellationToken
        );

    public Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken) =>
        remote.OrNull(
            async options =>
            {
                var response = await _client.ResolveClickThroughAsync(
                    new ResolveClickThroughRequest { Token = token },
                    options
                );
                return new ClickThrough(
                    response.Prospect.ToDomain(),
                    response.SequenceOwner.ToDomain()!,
                    response.SequenceId,
                    response.ClickTime.OrNullTime()
                );
            },
            cancellationToken
        );

    public Task<Enrollment> EnrollProspectAsync(EnrollmentRequest request, CancellationToken cancellationToken) =>
        remote.Call(
            async options =>
            {
                var response = await _client.EnrollProspectAsync(
                    new EnrollProspectRequest
                    {
                        ProspectId = request.ProspectId,
                        SequenceId = request.SequenceId,
                        MailboxId = request.MailboxId,
                        IdempotencyKey = request.IdempotencyKey,
                    },
                    options
                );
                return new Enrollment(response.SequenceState.ToDomain(), response.Created);
            },
            cancellationToken
        );

    public Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken) =>
        remote.Call(
            async options =>
                (
                    await _client.FinishProspectSequencesAsync(
                        new FinishProspectSequencesRequest { ProspectId = prospectId },
                        options
                    )
                ).FinishedCount,
            cancellationToken
        );
}
