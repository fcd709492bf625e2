using Grpc.Core;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Server.Errors;

namespace IntegrationHub.Server.Capabilities.Sequencing;

/// <summary>Serves the sequencing contract from whichever connector is configured.</summary>
public sealed class SequencingGrpcService(ISequencingConnector connector) : SequencingService.SequencingServiceBase
{
    public override async Task<GetProspectResponse> GetProspect(GetProspectRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var email = validator.Email("email", request.Email, required: true);
        validator.ThrowIfInvalid();
        var prospect = await connector.GetProspectByEmailAsync(email, context.CancellationToken)
            ?? throw HubException.NotFound("No prospect has that email.");
        return new GetProspectResponse { Prospect = prospect.ToContract() };
    }

    public override async Task<ListSequenceStatesResponse> ListSequenceStates(
        ListSequenceStatesRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var prospect = validator.Required("prospect_id", request.ProspectId, 64);
        validator.ThrowIfInvalid();
        var response = new ListSequenceStatesResponse();
        response.SequenceStates.AddRange(
            (await connector.ListSequenceStatesAsync(prospect, context.CancellationToken)).Select(s => s.ToContract())
        );
        return response;
    }

    public override async Task<ResolveClickThroughResponse> ResolveClickThrough(
        ResolveClickThroughRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var token = validator.Required("token", request.Token, 512);
        validator.ThrowIfInvalid();
        var click = await connector.ResolveClickThroughAsync(token, context.CancellationToken)
            ?? throw HubException.NotFound("Unknown click-through token.");
        return new ResolveClickThroughResponse
        {
            Prospect = click.Prospect.ToContract(),
            SequenceOwner = click.SequenceOwner.ToContract(),
            SequenceId = click.SequenceId,
            ClickTime = click.ClickedAt.ToTimestamp(),
        };
    }

    public override async Task<EnrollProspectResponse> EnrollProspect(
        EnrollProspectRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var enrollment = new EnrollmentRequest(
            validator.Required("prospect_id", request.ProspectId, 64),
            validator.Required("sequence_id", request.SequenceId, 64),
            validator.Required("mailbox_id", request.MailboxId, 64),
            validator.Required("idempotency_key", request.IdempotencyKey, 128)
        );
        validator.ThrowIfInvalid();
        var result = await connector.EnrollProspectAsync(enrollment, context.CancellationToken);
        return new EnrollProspectResponse
        {
            SequenceState = result.SequenceState.ToContract(),
            Created = result.Created,
        };
    }

    public override async Task<FinishProspectSequencesResponse> FinishProspectSequences(
        FinishProspectSequencesRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var prospect = validator.Required("prospect_id", request.ProspectId, 64);
        validator.ThrowIfInvalid();
        return new FinishProspectSequencesResponse
        {
            FinishedCount = await connector.FinishProspectSequencesAsync(prospect, context.CancellationToken),
        };
    }
}
