using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing;

/// <summary>
/// Decides who takes a live visitor: gathers facts in parallel, tries the rules in policy
/// order (first match wins), checks the chosen human can take the chat, and falls back —
/// BDR to geo pool, then AI rep (in the languages it serves), then a meeting offer on the
/// routed rep's calendar — recording every step.
/// </summary>
public sealed class VisitorRouter(
    FactGatherer gatherer,
    IRepPresence presence,
    IRoundRobin roundRobin,
    TimeProvider time
)
{
    /// <summary>Pool cursors for meeting offers are kept apart, so offers do not skew chat fairness.</summary>
    public const string MeetingCursorSuffix = "#meetings";

    public Task<VisitorDecision> RouteAsync(
        VisitorRequest request,
        RoutingPolicy policy,
        CancellationToken cancellationToken
    ) => RouteAsync(request, policy, roundRobin, cancellationToken);

    /// <summary>The decision with pool picks from <paramref name="picks"/>: a preview's never move a cursor.</summary>
    public async Task<VisitorDecision> RouteAsync(
        VisitorRequest request,
        RoutingPolicy policy,
        IRoundRobin picks,
        CancellationToken cancellationToken
    )
    {
        var facts = await gatherer.GatherAsync(request, policy, cancellationToken);
        var statuses = await presence.GetAllAsync(cancellationToken);
        return await DecideAsync(facts, statuses, policy, time.GetUtcNow(), picks, cancellationToken);
    }

    /// <summary>
    /// The decision for facts already gathered and the reps' presence at <paramref name="now"/>:
    /// what <see cref="RouteAsync"/> does after asking the sources, and what a policy simulation
    /// replays from a stored decision's inputs with a round robin of its own.
    /// </summary>
    public static async Task<VisitorDecision> DecideAsync(
        VisitorFacts facts,
        IReadOnlyDictionary<string, PresenceStatus> statuses,
        RoutingPolicy policy,
        DateTimeOffset now,
        IRoundRobin roundRobin,
        CancellationToken cancellationToken
    )
    {
        var (verdicts, matched) = Evaluate(facts, policy);
        var fallbacks = new List<FallbackStep>();
        if (CalendarLookup.WhyUnknown(facts.Calendar) is { } calendarUnknown)
        {
            fallbacks.Add(new FallbackStep("calendar_unknown", calendarUnknown));
        }

        var assignment = new Assignment(policy, statuses, facts.Calendar.Value, now, roundRobin, fallbacks);

        var (human, routedRep, pool) = matched?.Target is { } target
            ? await assignment.AssignAsync(target, cancellationToken)
            : (null, null, null);
        if (matched is null)
        {
            fallbacks.Add(new FallbackStep("no_rule_matched", "no rule yielded a target"));
        }

        var routingTarget = human is not null
            ? new RoutingTarget(TargetKind.HumanRep, human.Id, human.Name, pool)
            : NoHuman(policy, facts.Language, routedRep, fallbacks);

        return new VisitorDecision(
            Id: Guid.CreateVersion7(now).ToString("N"),
            RequestId: facts.Request.RequestId,
            CreatedAt: now,
            Target: routingTarget,
            MatchedRule: matched?.Rule,
            Explanation: new Explanation(
                [.. verdicts.Select(v => new RuleEvaluation(v.Rule, v.Outcome, v.Reason, v.Facts))],
                facts.Reports,
                fallbacks,
                Notifications(facts, policy)
            ),
            Degraded: facts.Degraded,
            Language: facts.Language,
            Region: policy.RegionOf(facts),
            RoutedRepId: routedRep?.Id,
            Inputs: VisitorInputs.Of(facts, statuses)
        )
        {
            PolicyVersion = policy.Version,
        };
    }

    private static (List<RuleVerdict> Verdicts, RuleVerdict? Matched) Evaluate(VisitorFacts facts, RoutingPolicy policy)
    {
        var verdicts = new List<RuleVerdict>();
        RuleVerdict? matched = null;
        foreach (var rule in VisitorRules.InOrder(policy))
        {
            var verdict = matched is null
                ? rule.Evaluate(facts, policy)
                : new RuleVerdict(rule.Name, RuleOutcome.Skipped, $"{matched.Rule} matched first", []);
            verdicts.Add(verdict);
            if (matched is null && verdict.Outcome == RuleOutcome.Matched)
            {
                matched = verdict;
            }
        }

        return (verdicts, matched);
    }

    /// <summary>
    /// Picks the human for a rule's target: the named rep, or the pool's round robin, with fallbacks recorded.
    /// </summary>
    private sealed class Assignment(
        RoutingPolicy policy,
        IReadOnlyDictionary<string, PresenceStatus> statuses,
        RepAbsences? calendar,
        DateTimeOffset now,
        IRoundRobin roundRobin,
        List<FallbackStep> fallbacks
    )
    {
        public async Task<(RepDefinition? Human, RepDefinition? Routed, string? Pool)> AssignAsync(
            TargetSpec target,
            CancellationToken cancellationToken
        )
        {
            if (target is RepTarget { RepId: var repId, FallbackPool: var fallbackPool })
            {
                var rep = policy.RepById(repId)!;
                if (RepAvailability.WhyUnavailable(policy, rep, statuses, now, calendar) is not { } why)
                {
                    return (rep, rep, null);
                }

                if (fallbackPool is null)
                {
                    fallbacks.Add(new FallbackStep("rep_unavailable", why));
                    return (null, rep, null);
                }

                fallbacks.Add(new FallbackStep("bdr_unavailable_to_geo_pool", $"{why}: round robin in {fallbackPool}"));
                var (picked, _) = await PickFromPoolAsync(policy.Pool(fallbackPool)!, cancellationToken);
                return (picked, picked ?? rep, picked is null ? null : fallbackPool);
            }

            var pool = policy.Pool(((PoolTarget)target).Pool)!;
            var (human, routed) = await PickFromPoolAsync(pool, cancellationToken);
            return (human, routed, pool.Name);
        }

        private async Task<(RepDefinition? Human, RepDefinition? Routed)> PickFromPoolAsync(
            PoolDefinition pool,
            CancellationToken cancellationToken
        )
        {
            var members = pool.Members.Select(policy.RepById).OfType<RepDefinition>().ToList();
            var eligible = new List<WeightedMember>();
            var capped = 0;
            foreach (var m in members.Where(m => m.RoutingLevel.ForChats() > 0))
            {
                if (calendar?.WhyAway(m, now) is { } away)
                {
                    // Said in the explanation: an absence is news to whoever expected this rep to take the chat.
                    fallbacks.Add(new FallbackStep("rep_skipped", $"skipped in {pool.Name}: {away}"));
                    continue;
                }

                if (RepAvailability.WhyUnavailable(policy, m, statuses, now) is not null)
                {
                    continue;
                }

                // A capped rep is passed over like an unavailable one, and the explanation says so.
                var why = await CapCheck.WhyCappedAsync(
                    m,
                    pool,
                    WorkChannel.Chat,
                    roundRobin.Counts,
                    now,
                    cancellationToken
                );
                if (why is not null)
                {
                    fallbacks.Add(new FallbackStep("rep_capped", why));
                    capped++;
                    continue;
                }

                eligible.Add(new WeightedMember(m.Id, m.RoutingLevel.ForChats()));
            }

            if (
                eligible.Count > 0
                && await roundRobin.PickAsync(pool.Name, eligible, cancellationToken) is { } pickedId
            )
            {
                var picked = policy.RepById(pickedId);
                return (picked, picked);
            }

            fallbacks.Add(
                new FallbackStep(
                    "pool_has_no_available_rep",
                    capped == 0
                        ? $"no member of {pool.Name} is available for chats"
                        : $"no member of {pool.Name} is available for chats ({capped} capped)"
                )
            );

            // Nobody can chat, but the visitor may still book a meeting with someone of this pool.
            var forMeetings = members
                .Where(m => m.RoutingLevel.ForLeads() > 0 && calendar?.At(m.Id, now) is null)
                .Select(m => new WeightedMember(m.Id, m.RoutingLevel.ForLeads()))
                .ToList();
            var routedId =
                forMeetings.Count > 0
                    ? await roundRobin.PickAsync(pool.Name + MeetingCursorSuffix, forMeetings, cancellationToken)
                    : null;
            return (null, policy.RepById(routedId));
        }
    }

    private static RoutingTarget NoHuman(
        RoutingPolicy policy,
        string language,
        RepDefinition? routedRep,
        List<FallbackStep> fallbacks
    )
    {
        if (policy.AiRep.Enabled && policy.AiRep.Languages.Contains(language, StringComparer.Ordinal))
        {
            fallbacks.Add(
                new FallbackStep("ai_rep", $"no human can take it now; the AI rep serves {language} experiences")
            );
            return new RoutingTarget(TargetKind.AiRep, policy.AiRep.Id, policy.AiRep.Name);
        }

        if (routedRep is not null)
        {
            var why = policy.AiRep.Enabled
                ? $"the AI rep does not serve {language} experiences"
                : "the AI rep is disabled";
            fallbacks.Add(
                new FallbackStep(
                    "meeting_offer",
                    $"no human can take it now and {why}: offer a meeting with {routedRep.Name}"
                )
            );
            return new RoutingTarget(TargetKind.MeetingOffer, routedRep.Id, routedRep.Name);
        }

        fallbacks.Add(
            new FallbackStep("not_routed", "no human, no AI rep and no rep whose calendar could take a meeting")
        );
        return new RoutingTarget(TargetKind.NotRouted);
    }

    private static IReadOnlyList<Notification> Notifications(VisitorFacts facts, RoutingPolicy policy)
    {
        var notifications = new List<Notification>();
        if (facts.ClickThrough.Value is { } click && policy.RepByEmail(click.SequenceOwner.Email) is { } owner)
        {
            notifications.Add(new Notification(owner.Id, "click_through"));
        }

        if (
            facts.Account.Value is { BdrProspectingStatus: BdrProspectingStatus.ActivelyWorking } account
            && policy.RepById(account.BdrAssignedUserId) is { } bdr
        )
        {
            notifications.Add(new Notification(bdr.Id, "pounce"));
        }

        return notifications;
    }
}
