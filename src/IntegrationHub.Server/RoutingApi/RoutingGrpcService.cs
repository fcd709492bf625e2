using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Routing;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Server.Composition;
using IntegrationHub.Server.Errors;
using IntegrationHub.Server.Webhooks;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>Routes live visitors and serves stored decisions with their explanations.</summary>
public sealed class RoutingGrpcService(
    RoutingDesk desk,
    PolicyProvider policies,
    DecisionStore decisions,
    ConversationFlow conversations,
    RoutingMetrics metrics,
    DecisionPreview preview,
    DecisionFeed feed
) : RoutingService.RoutingServiceBase
{
    public override async Task<RouteVisitorResponse> RouteVisitor(
        RouteVisitorRequest request,
        ServerCallContext context
    )
    {
        var visitor = request.ToVisitor();
        var requestId = visitor.RequestId;
        var fingerprint = RequestFingerprint.Of(visitor);
        if (
            await decisions.GetByRequestAsync(DecisionJson.VisitorKind, requestId, context.CancellationToken) is
            { } earlier
        )
        {
            return await AnswerAsync(earlier.SameRequestOrRefuse(fingerprint), context.CancellationToken);
        }

        var routed = await desk.RouteVisitorAsync(visitor, policies.Current, fingerprint, context.CancellationToken);
        if (routed.Made is { } decision)
        {
            HubMetrics.Decided(DecisionJson.VisitorKind, decision.MatchedRule, decision.Target, decision.Explanation);
            feed.Published(routed.Outcome.Decision);
            if (routed.Opened is { } opened)
            {
                // The conversation was committed with the decision: tell its watchers and the offered rep.
                await conversations.AnnounceAsync(opened.Conversation, context.CancellationToken);
                return new RouteVisitorResponse { Decision = decision.ToContract(opened.Conversation.Id) };
            }
        }

        return await AnswerAsync(routed.Outcome.Decision.SameRequestOrRefuse(fingerprint), context.CancellationToken);
    }

    /// <summary>
    /// Routes an inbound lead. The decision and its side effects (CRM upsert with owner,
    /// conversion, sequence enrolment, notifications) are stored in one transaction and
    /// delivered by the outbox; the same request id, even at the same moment, yields one
    /// decision and one set of effects.
    /// </summary>
    public override async Task<RouteLeadResponse> RouteLead(RouteLeadRequest request, ServerCallContext context)
    {
        var lead = request.ToSubmission();
        var fingerprint = RequestFingerprint.Of(lead);
        if (
            await decisions.GetByRequestAsync(DecisionJson.LeadKind, lead.RequestId, context.CancellationToken) is
            { } earlier
        )
        {
            return new RouteLeadResponse { Decision = earlier.SameRequestOrRefuse(fingerprint).ToContract() };
        }

        var (outcome, decision) = await desk.RouteLeadAsync(
            lead,
            policies.Current,
            fingerprint,
            context.CancellationToken
        );
        if (decision is not null)
        {
            HubMetrics.Decided(DecisionJson.LeadKind, decision.MatchedRule, decision.Target, decision.Explanation);
            feed.Published(outcome.Decision);
        }

        return new RouteLeadResponse { Decision = outcome.Decision.SameRequestOrRefuse(fingerprint).ToContract() };
    }

    public override async Task<PreviewVisitorResponse> PreviewVisitor(
        PreviewVisitorRequest request,
        ServerCallContext context
    )
    {
        var visitor = new RouteVisitorRequest
        {
            RequestId = "preview",
            IpAddress = request.IpAddress,
            PageUrl = request.PageUrl,
            Email = request.Email,
            ClickThroughToken = request.ClickThroughToken,
        }.ToVisitor();
        var previewed = await preview.VisitorAsync(visitor, request.CandidatePolicy, context.CancellationToken);
        var decision = previewed.Decision.ToContract(conversationId: null);
        decision.Id = "";
        decision.RequestId = "";
        return new PreviewVisitorResponse { Decision = decision, Policy = previewed.Policy };
    }

    public override async Task<PreviewLeadResponse> PreviewLead(PreviewLeadRequest request, ServerCallContext context)
    {
        var lead = new RouteLeadRequest { RequestId = "preview", Lead = request.Lead }.ToSubmission();
        var previewed = await preview.LeadAsync(lead, request.CandidatePolicy, context.CancellationToken);
        var decision = previewed.Decision.ToContract();
        decision.Id = "";
        decision.RequestId = "";
        var response = new PreviewLeadResponse { Decision = decision, Policy = previewed.Policy };
        response.PlannedEffects.AddRange(
            previewed.Effects.Select(e => new Contracts.Routing.V1.PlannedEffect { Type = e.Type, Summary = e.Summary })
        );
        return response;
    }

    public override async Task<GetDecisionResponse> GetDecision(GetDecisionRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var id = validator.Required("decision_id", request.DecisionId, 64);
        validator.ThrowIfInvalid();
        var stored = await decisions.GetAsync(id, context.CancellationToken)
            ?? throw HubException.NotFound($"No decision {id}.");
        return new GetDecisionResponse { Decision = stored.ToContract() };
    }

    public override async Task<ListDecisionsResponse> ListDecisions(
        ListDecisionsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var from = validator.Timestamp("start_time", request.StartTime, required: false);
        var to = validator.Timestamp("end_time", request.EndTime, required: false);
        var size = request.PageSize == 0 ? 100 : validator.Range("page_size", request.PageSize, 1, 500);
        validator.Length("rep_id", request.RepId, 64);
        validator.Length("rule", request.Rule, 64);
        validator.Length("page_token", request.PageToken, 64);
        if (from is { } f && to is { } t && t <= f)
        {
            validator.Add("end_time", "must be after start_time");
        }

        validator.ThrowIfInvalid();
        var page = await decisions.ListAsync(
            new DecisionQuery(
                from,
                to,
                NullIfEmpty(request.RepId),
                NullIfEmpty(request.Rule),
                size,
                NullIfEmpty(request.PageToken)
            ),
            context.CancellationToken
        );
        var response = new ListDecisionsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Decisions.AddRange(page.Decisions.Select(d => d.ToContract()));
        return response;
    }

    /// <summary>
    /// Each decision as this instance commits it; the headers go out first so the caller knows it is live.
    /// </summary>
    public override async Task WatchDecisions(
        WatchDecisionsRequest request,
        IServerStreamWriter<WatchDecisionsResponse> responseStream,
        ServerCallContext context
    )
    {
        using var watcher = feed.Watch(DecisionWatchFilter.Of(request.RepId, request.Rule));
        await context.WriteResponseHeadersAsync([]);
        await foreach (var stored in watcher.Decisions.ReadAllAsync(context.CancellationToken))
        {
            await responseStream.WriteAsync(
                new WatchDecisionsResponse { Decision = stored.ToContract() },
                context.CancellationToken
            );
        }
    }

    public override async Task<GetRoutingMetricsResponse> GetRoutingMetrics(
        GetRoutingMetricsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var from = validator.Timestamp("start_time", request.StartTime, required: true);
        var to = validator.Timestamp("end_time", request.EndTime, required: true);
        if (from is { } f && to is { } t && (t <= f || t - f > TimeSpan.FromDays(93)))
        {
            validator.Add("end_time", "must be after start_time and at most 93 days later");
        }

        validator.ThrowIfInvalid();
        var figures = await metrics.ComputeAsync(from!.Value, to!.Value, context.CancellationToken);
        var response = new GetRoutingMetricsResponse
        {
            SessionsRoutedForPounce = figures.RoutedForPounce,
            SuccessfulPounceConversations = figures.SuccessfulPounces,
            SessionsWaited = figures.Waited,
            SessionsWaitedWithConversation = figures.WaitedWithConversation,
            SessionsWaitedWithoutConversation = figures.WaitedWithoutConversation,
            TotalAvailableSeconds = (long)figures.Availability.Sum(a => a.Available.TotalSeconds),
        };
        response.AddCounts(figures);
        response.WaitTimeBuckets.AddRange(
            figures.WaitTimes.Select(w => new WaitTimeBucket
            {
                MinSeconds = w.MinSeconds,
                MaxSeconds = w.MaxSeconds ?? 0,
                Sessions = w.Sessions,
                SessionsWithConversation = w.WithConversation,
            })
        );
        response.RepAvailability.AddRange(
            figures.Availability.Select(a =>
            {
                var rep = new RepAvailability { RepId = a.RepId, AvailableSeconds = (long)a.Available.TotalSeconds };
                rep.Spans.AddRange(
                    a.Spans.Select(s => new AvailabilitySpan
                    {
                        StartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(s.Start),
                        EndTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(s.End),
                    })
                );
                return rep;
            })
        );
        return response;
    }

    private async Task<RouteVisitorResponse> AnswerAsync(StoredDecision stored, CancellationToken cancellationToken)
    {
        var decision = stored.Visitor();
        var conversation = await conversations.OpenAsync(decision, cancellationToken);
        return new RouteVisitorResponse { Decision = decision.ToContract(conversation.Id) };
    }

    private static string? NullIfEmpty(string value) => string.IsNullOrEmpty(value) ? null : value;
}
