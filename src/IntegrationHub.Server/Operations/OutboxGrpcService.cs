using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Outbox;
using Contract = IntegrationHub.Contracts.Routing.V1;

namespace IntegrationHub.Server.Operations;

/// <summary>The operator's view of the outbox: the dead-letter list, retrying from it, and the queue's depth.</summary>
public sealed class OutboxGrpcService(OutboxStore outbox) : OutboxService.OutboxServiceBase
{
    public override async Task<ListDeadLettersResponse> ListDeadLetters(
        ListDeadLettersRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var type = validator.Length("type", request.Type, 64);
        var size = request.PageSize == 0 ? 100 : validator.Range("page_size", request.PageSize, 1, 500);
        var after = PageToken(validator, request.PageToken);
        validator.ThrowIfInvalid();

        // One more than asked tells whether another page exists without a second query.
        var effects = await outbox.ListAsync(
            EffectState.Dead,
            size + 1,
            type.Length == 0 ? null : type,
            after,
            context.CancellationToken
        );
        var response = new ListDeadLettersResponse { NextPageToken = effects.Count > size ? effects[size - 1].Id : "" };
        response.Effects.AddRange(effects.Take(size).Select(ToContract));
        return response;
    }

    public override async Task<RetryDeadLetterResponse> RetryDeadLetter(
        RetryDeadLetterRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var id = validator.Required("id", request.Id, 64);
        validator.ThrowIfInvalid();

        if (!await outbox.RetryDeadAsync(id, context.CancellationToken))
        {
            var effect = await outbox.GetAsync(id, context.CancellationToken)
                ?? throw HubException.NotFound($"No side effect {id}.");
            throw HubException.FailedPrecondition(
                $"Side effect {id} is {effect.State.ToString().ToLowerInvariant()}, not dead; only dead effects are "
                    + $"retried."
            );
        }

        return new RetryDeadLetterResponse
        {
            Effect = ToContract((await outbox.GetAsync(id, context.CancellationToken))!),
        };
    }

    public override async Task<GetOutboxStatsResponse> GetOutboxStats(
        GetOutboxStatsRequest request,
        ServerCallContext context
    )
    {
        var (pending, oldest) = await outbox.DepthAsync(context.CancellationToken);
        return new GetOutboxStatsResponse
        {
            Pending = pending,
            Dead = await outbox.CountAsync(EffectState.Dead, context.CancellationToken),
            OldestPendingCreateTime = oldest is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
    }

    /// <summary>Page tokens are the last id of the previous page: 32 hexadecimal digits.</summary>
    private static string? PageToken(RequestValidator validator, string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower))
        {
            validator.Add("page_token", "is not a token this service issued");
            return null;
        }

        return token;
    }

    private static Contract.OutboxEffect ToContract(Storage.Outbox.OutboxEffect effect) =>
        new()
        {
            Id = effect.Id,
            DecisionId = effect.DecisionId ?? "",
            Type = effect.Type,
            IdempotencyKey = effect.IdempotencyKey,
            PayloadJson = effect.Payload,
            State = effect.State switch
            {
                EffectState.Pending => OutboxEffectState.Pending,
                EffectState.Delivered => OutboxEffectState.Delivered,
                _ => OutboxEffectState.Dead,
            },
            Attempts = effect.Attempts,
            LastError = effect.LastError ?? "",
            CreateTime = Timestamp.FromDateTimeOffset(effect.CreatedAt),
            NextAttemptTime = Timestamp.FromDateTimeOffset(effect.NextAttemptAt),
        };
}
