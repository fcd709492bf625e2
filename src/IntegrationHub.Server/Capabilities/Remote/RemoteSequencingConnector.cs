using Grpc.Core;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Server.Capabilities.Sequencing;
using static IntegrationHub.Server.Capabilities.Remote.RemoteErrorTranslation;
using Domain = IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Sequencing served by a remote process speaking the sequencing contract.</summary>
public sealed class RemoteSequencingConnector(CallInvoker invoker, string name) : ISequencingConnector
{
    private readonly SequencingService.SequencingServiceClient _client = new(invoker);

    public Task<Domain.Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken) =>
        OrNull(
            name,
            async () =>
                (
                    await _client.GetProspectAsync(
                        new GetProspectRequest { Email = email },
                        cancellationToken: cancellationToken
                    )
                ).Prospect.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.SequenceState>> ListSequenceStatesAsync(
        string prospectId,
        CancellationToken cancellationToken
    ) =>
        Call<IReadOnlyList<Domain.SequenceState>>(
            name,
            async () =>
                [
                    .. (
                        await _client.ListSequenceStatesAsync(
                            new ListSequenceStatesRequest { ProspectId = prospectId },
                            cancellationToken: cancellationToken
                        )
                    ).SequenceStates.Select(s => s.ToDomain()),
                ],
            cancellationToken
        );

    public Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken) =>
        OrNull(
            name,
            async () =>
            {
                var response = await _client.ResolveClickThroughAsync(
                    new ResolveClickThroughRequest { Token = token },
                    cancellationToken: cancellationToken
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
        Call(
            name,
            async () =>
            {
                var response = await _client.EnrollProspectAsync(
                    new EnrollProspectRequest
                    {
                        ProspectId = request.ProspectId,
                        SequenceId = request.SequenceId,
                        MailboxId = request.MailboxId,
                        IdempotencyKey = request.IdempotencyKey,
                    },
                    cancellationToken: cancellationToken
                );
                return new Enrollment(response.SequenceState.ToDomain(), response.Created);
            },
            cancellationToken
        );

    public Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken) =>
        Call(
            name,
            async () =>
                (
                    await _client.FinishProspectSequencesAsync(
                        new FinishProspectSequencesRequest { ProspectId = prospectId },
                        cancellationToken: cancellationToken
                    )
                ).FinishedCount,
            cancellationToken
        );
}
