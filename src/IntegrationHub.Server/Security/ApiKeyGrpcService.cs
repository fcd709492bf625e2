using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Security;

namespace IntegrationHub.Server.Security;

/// <summary>Issues, lists and revokes API keys (admin scope).</summary>
public sealed class ApiKeyGrpcService(ApiKeyStore store, RecentApiKeys recent) : ApiKeyService.ApiKeyServiceBase
{
    public override async Task<IssueApiKeyResponse> IssueApiKey(IssueApiKeyRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var name = validator.Required("name", request.Name, 64);
        if (request.Scopes.Count == 0 || request.Scopes.Count > Scopes.All.Count)
        {
            validator.Add("scopes", $"needs 1 to {Scopes.All.Count} scopes from: " + string.Join(", ", Scopes.All));
        }

        foreach (var (scope, i) in request.Scopes.Take(Scopes.All.Count).Select((s, i) => (s, i)))
        {
            if (!Scopes.All.Contains(scope, StringComparer.Ordinal))
            {
                validator.Add($"scopes[{i}]", $"is not a scope; use one of {string.Join(", ", Scopes.All)}");
            }
        }

        validator.ThrowIfInvalid();
        var (id, secret) = ApiKeySecret.Create();
        var key = await store.InsertAsync(
            id,
            name,
            ApiKeySecret.Hash(secret),
            [.. request.Scopes.Distinct(StringComparer.Ordinal)],
            context.CancellationToken
        );
        return new IssueApiKeyResponse { ApiKey = ToContract(key), Secret = secret };
    }

    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var response = new ListApiKeysResponse();
        response.ApiKeys.AddRange((await store.ListAsync(context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<RevokeApiKeyResponse> RevokeApiKey(
        RevokeApiKeyRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var id = validator.Required("id", request.Id, 64);
        validator.ThrowIfInvalid();
        var key = await store.RevokeAsync(id, context.CancellationToken)
            ?? throw HubException.NotFound($"No API key {id}.");
        recent.Forget(id);
        return new RevokeApiKeyResponse { ApiKey = ToContract(key) };
    }

    private static Contracts.Admin.V1.ApiKey ToContract(StoredApiKey key)
    {
        var contract = new Contracts.Admin.V1.ApiKey
        {
            Id = key.Id,
            Name = key.Name,
            CreateTime = Timestamp.FromDateTimeOffset(key.CreatedAt),
            RevokeTime = key.RevokedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        contract.Scopes.AddRange(key.Scopes);
        return contract;
    }
}
