using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Hub.Policies;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Policies;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>Publishing a policy, and the versions kept: list, read, compare, restore.</summary>
public sealed partial class PolicyGrpcService
{
    private const int MaxNoteLength = 500;
    private const int DefaultPageSize = 20;

    public override async Task<PublishPolicyResponse> PublishPolicy(
        PublishPolicyRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var policy = ParsePolicy(validator, "policy_json", request.PolicyJson, "published policy");
        var note = validator.Length("note", request.Note, MaxNoteLength);
        validator.ThrowIfInvalid();
        var outcome = await publisher.PublishAsync(
            policy!,
            Publisher(context),
            PolicyVersionSources.Api,
            note,
            null,
            context.CancellationToken
        );
        return new PublishPolicyResponse { Version = ToContract(outcome.Version), Changed = outcome.Changed };
    }

    public override async Task<RollbackPolicyResponse> RollbackPolicy(
        RollbackPolicyRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        RequirePublished(validator, "version", request.Version);
        var note = validator.Length("note", request.Note, MaxNoteLength);
        validator.ThrowIfInvalid();
        var restored = await StoredAsync(request.Version, context.CancellationToken);
        var outcome = await publisher.PublishAsync(
            PolicyFile.Parse(restored.PolicyJson, $"version {restored.Version}"),
            Publisher(context),
            PolicyVersionSources.Rollback,
            note.Length > 0 ? note : $"rollback to version {restored.Version}",
            restored.Version,
            context.CancellationToken
        );
        return new RollbackPolicyResponse { Version = ToContract(outcome.Version), Changed = outcome.Changed };
    }

    public override async Task<ListPolicyVersionsResponse> ListPolicyVersions(
        ListPolicyVersionsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var size = request.PageSize == 0 ? DefaultPageSize : validator.Range("page_size", request.PageSize, 1, 100);
        var before = long.MaxValue;
        if (
            request.PageToken.Length > 0
            && (!long.TryParse(request.PageToken, CultureInfo.InvariantCulture, out before) || before < 2)
        )
        {
            validator.Add("page_token", "must be the next_page_token of an earlier page");
        }

        validator.ThrowIfInvalid();
        var page = await versions.ListAsync(size, before, context.CancellationToken);
        var response = new ListPolicyVersionsResponse
        {
            RunningVersion = policies.Current.Version,
            NextPageToken =
                page.Count == size && page[^1].Version > 1
                    ? page[^1].Version.ToString(CultureInfo.InvariantCulture)
                    : "",
        };
        response.Versions.AddRange(page.Select(ToContract));
        return response;
    }

    public override async Task<GetPolicyVersionResponse> GetPolicyVersion(
        GetPolicyVersionRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        RequirePublished(validator, "version", request.Version);
        validator.ThrowIfInvalid();
        var stored = await StoredAsync(request.Version, context.CancellationToken);
        return new GetPolicyVersionResponse { Version = ToContract(stored), PolicyJson = stored.PolicyJson };
    }

    public override async Task<DiffPolicyVersionsResponse> DiffPolicyVersions(
        DiffPolicyVersionsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        RequirePublished(validator, "from_version", request.FromVersion);
        RequirePublished(validator, "to_version", request.ToVersion);
        validator.ThrowIfInvalid();
        var from = await StoredAsync(request.FromVersion, context.CancellationToken);
        var to = await StoredAsync(request.ToVersion, context.CancellationToken);
        var diff = PolicyDiff.Between(
            $"version {from.Version}",
            from.PolicyJson,
            $"version {to.Version}",
            to.PolicyJson
        );
        return new DiffPolicyVersionsResponse
        {
            UnifiedDiff = diff.Unified,
            LinesRemoved = diff.Removed,
            LinesAdded = diff.Added,
        };
    }

    private async Task<RoutingPolicy> StoredPolicyAsync(long version, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(version, cancellationToken);
        return policies.ParseCandidate(stored.PolicyJson, $"version {stored.Version}") with
        {
            Version = stored.Version,
        };
    }

    private async Task<StoredPolicyVersion> StoredAsync(long version, CancellationToken cancellationToken) =>
        await versions.GetAsync(version, cancellationToken)
        ?? throw HubException.NotFound($"No policy version {version}.");

    private static void RequirePublished(RequestValidator validator, string field, long version)
    {
        if (version < 1)
        {
            validator.Add(field, "is required: a published version (at least 1)");
        }
    }

    /// <summary>Who publishes: the caller's key (or token subject), as the version will say.</summary>
    private static string Publisher(ServerCallContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.Name ?? user.FindFirst("sub")?.Value ?? "unknown caller";
    }

    private static PolicyVersion ToContract(StoredPolicyVersion stored) =>
        new()
        {
            Version = stored.Version,
            PublishedBy = stored.PublishedBy,
            PublishTime = Timestamp.FromDateTimeOffset(stored.PublishedAt),
            Source = stored.Source switch
            {
                PolicyVersionSources.File => PolicyVersionSource.File,
                PolicyVersionSources.Api => PolicyVersionSource.Api,
                PolicyVersionSources.Rollback => PolicyVersionSource.Rollback,
                _ => PolicyVersionSource.Unspecified,
            },
            Note = stored.Note,
            RestoredVersion = stored.RestoredVersion ?? 0,
            RepCount = stored.RepCount,
            PoolCount = stored.PoolCount,
        };
}
