using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Caps;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Presence;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>Reps' availability, and each rep's stream of alerts.</summary>
public sealed class PresenceGrpcService(
    PresenceStore presence,
    PolicyProvider policies,
    CapStandings standings,
    IHubEventBus events,
    TimeProvider time
) : PresenceService.PresenceServiceBase
{
    public override async Task<SetRepPresenceResponse> SetRepPresence(
        SetRepPresenceRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var repId = validator.Required("rep_id", request.RepId, 64);
        if (request.Status is not (PresenceStatus.Available or PresenceStatus.Away or PresenceStatus.Offline))
        {
            validator.Add("status", "must be AVAILABLE, AWAY or OFFLINE");
        }

        validator.ThrowIfInvalid();
        var rep = policies.Current.RepById(repId)
            ?? throw HubException.NotFound($"No rep {repId} in the routing policy.");
        var stored = await presence.SetAsync(
            rep.Id,
            request.Status.ToString().ToLowerInvariant(),
            context.CancellationToken
        );
        return new SetRepPresenceResponse { Rep = Describe(rep, stored) };
    }

    public override async Task<ListRepsResponse> ListReps(ListRepsRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var pool = validator.Length("pool", request.Pool, 64);
        validator.ThrowIfInvalid();
        var policy = policies.Current;
        var statuses = (await presence.ListAsync(context.CancellationToken)).ToDictionary(p => p.RepId);
        var reps = policy
            .Reps.Where(r => pool.Length == 0 || policy.Pool(pool)?.Members.Contains(r.Id) == true)
            .OrderBy(r => r.Id, StringComparer.Ordinal);
        var caps = await standings.ReadAsync(policy, context.CancellationToken);
        var response = new ListRepsResponse();
        response.Reps.AddRange(
            reps.Select(r => Describe(r, statuses.GetValueOrDefault(r.Id)).WithCaps(r, caps.GetValueOrDefault(r.Id)))
        );
        return response;
    }

    public override async Task WatchRepAlerts(
        WatchRepAlertsRequest request,
        IServerStreamWriter<WatchRepAlertsResponse> responseStream,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var repId = validator.Required("rep_id", request.RepId, 64);
        validator.ThrowIfInvalid();
        // Any CRM user may watch: lead notifications also go to managers and account owners, who are not routed reps.
        using var subscription = events.Subscribe(RepAlert.Channel(repId));
        // Headers go out now, so the caller knows the stream is live before the first alert.
        await context.WriteResponseHeadersAsync([]);
        await foreach (var json in subscription.Events.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(RepAlert.FromJson(json).ToContract(), context.CancellationToken);
        }
    }

    private RepPresence Describe(IntegrationHub.Routing.Policy.RepDefinition rep, StoredPresence? stored)
    {
        var policy = policies.Current;
        var contract = new RepPresence
        {
            RepId = rep.Id,
            Name = rep.Name,
            RoutingLevel = rep.RoutingLevel.ToString(),
            InWorkingHours = IntegrationHub.Routing.Assignment.RepAvailability.InWorkingHours(
                policy,
                rep,
                time.GetUtcNow()
            ),
            Status = stored?.Status switch
            {
                "available" => PresenceStatus.Available,
                "away" => PresenceStatus.Away,
                _ => PresenceStatus.Offline,
            },
            UpdateTime = stored is null ? null : Timestamp.FromDateTimeOffset(stored.Since),
        };
        contract.Pools.AddRange(policy.Pools.Where(p => p.Members.Contains(rep.Id)).Select(p => p.Name));
        return contract;
    }
}
