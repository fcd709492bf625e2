using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads.Rules;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>
/// Applies the rules of engagement to an inbound lead (DOMAIN.md, "Inbound lead routing") in the
/// policy's order (<c>leads.rules</c>; by default spam, the MQL bar, partner accounts, paid
/// customers, US public sector, the BDR prospecting status, no account), then for the SDR team
/// its related-lead checks and round robin; chooses high or low touch; and plans the side
/// effects on the vendors.
/// </summary>
public sealed class LeadRouter(LeadFactGatherer gatherer, IRoundRobin roundRobin, TimeProvider time)
{
    /// <summary>Lead cursors are kept apart from chat cursors: the two are weighted differently.</summary>
    public const string LeadCursorSuffix = "#leads";

    public Task<LeadDecision> RouteAsync(
        LeadSubmission lead,
        RoutingPolicy policy,
        CancellationToken cancellationToken
    ) => RouteAsync(lead, policy, roundRobin, cancellationToken);

    /// <summary>The decision with pool picks from <paramref name="picks"/>: a preview's never move a cursor.</summary>
    public Task<LeadDecision> RouteAsync(
        LeadSubmission lead,
        RoutingPolicy policy,
        IRoundRobin picks,
        CancellationToken cancellationToken
    ) =>
        DecideAsync(
            lead,
            policy,
            time.GetUtcNow(),
            ct => gatherer.GatherAsync(lead, policy, ct),
            picks,
            cancellationToken
        );

    /// <summary>
    /// The decision for a lead at <paramref name="now"/>: the rules in the policy's order until one
    /// decides, asking <paramref name="gather"/> for the CRM's facts only when the first rule that
    /// reads them is reached (never for spam or a lead below the MQL bar). What <see cref="RouteAsync"/>
    /// does, and what a policy simulation replays from a stored decision's inputs.
    /// </summary>
    public static async Task<LeadDecision> DecideAsync(
        LeadSubmission lead,
        RoutingPolicy policy,
        DateTimeOffset now,
        Func<CancellationToken, Task<LeadFacts>> gather,
        IRoundRobin roundRobin,
        CancellationToken cancellationToken
    )
    {
        var draft = new LeadDraft(lead, policy, now);
        LeadFacts? facts = null;
        LeadTarget? target = null;
        foreach (var rule in LeadRules.InOrder(policy))
        {
            target = rule switch
            {
                ISubmissionRule submission => submission.Decide(draft),
                ICrmLeadRule crm => crm.Decide(draft, facts ??= await gather(cancellationToken)),
                _ => throw new InvalidOperationException($"lead rule {rule.Name} reads neither submission nor CRM"),
            };
            if (target is not null)
            {
                draft.DecidedBy = rule.Name;
                break;
            }
        }

        if (target is LeadTarget.Stop stop)
        {
            draft.Upsert(stop.Status, owner: null);
            return draft.Finish(new RoutingTarget(stop.Kind), facts);
        }

        // The policy validator makes every order end with account_status and no_account, which decide every lead.
        var decided = target
            ?? throw new InvalidOperationException("no lead rule decided, though every order ends with no_account");
        var crmFacts = facts
            ?? throw new InvalidOperationException($"{draft.DecidedBy} sent the lead on without the CRM's facts");
        if (CalendarLookup.WhyUnknown(crmFacts.Calendar) is { } calendarUnknown)
        {
            draft.Fallback("calendar_unknown", calendarUnknown);
        }

        return draft.Finish(await ResolveAsync(decided, crmFacts, draft, roundRobin, cancellationToken), crmFacts);
    }

    private static async Task<RoutingTarget> ResolveAsync(
        LeadTarget target,
        LeadFacts facts,
        LeadDraft draft,
        IRoundRobin roundRobin,
        CancellationToken cancellationToken
    )
    {
        var policy = draft.Policy;
        switch (target)
        {
            case LeadTarget.Queue queue:
                draft.Upsert(LeadStatus.Mql, queue.UserId);
                return new RoutingTarget(TargetKind.MarketingQueue, queue.UserId);
            case LeadTarget.Convert convert:
                draft.Upsert(LeadStatus.Mql, convert.OwnerId);
                draft.Effect(
                    new ConvertLeadEffect(
                        draft.Key(EffectTypes.ConvertLead, convert.AccountId),
                        draft.Lead.LeadKey,
                        draft.Fields(LeadStatus.Mql, convert.OwnerId),
                        convert.AccountId
                    )
                );
                draft.Notify(
                    convert.OwnerId,
                    "customer_lead",
                    $"{draft.Lead.Email} at your customer {facts.Account.Value?.Name} was converted to a contact"
                );
                return Human(policy, convert.OwnerId, pool: null, sequence: null);
            case LeadTarget.Rep rep:
                return Assign(rep.RepId, pool: null, facts, draft);
            case LeadTarget.Pool pool:
                return Assign(
                    await PickAsync(pool.Name, facts, draft, roundRobin, cancellationToken),
                    pool.Name,
                    facts,
                    draft
                );
            case LeadTarget.SdrTeam team:
                var geo = policy.GeoPool(team.Region)!;
                if (RelatedLeadsRule.OwnerToKeep(draft, facts) is { } owner)
                {
                    // The deciding rule sent the lead to the SDR team; related_leads chose who in it.
                    draft.ChosenBy = RelatedLeadsRule.Name;
                    return Assign(owner, pool: null, facts, draft);
                }

                return Assign(
                    await PickAsync(geo.Name, facts, draft, roundRobin, cancellationToken),
                    geo.Name,
                    facts,
                    draft
                );
            default:
                throw new InvalidOperationException($"unknown lead target {target}");
        }
    }

    private static async Task<string?> PickAsync(
        string poolName,
        LeadFacts facts,
        LeadDraft draft,
        IRoundRobin roundRobin,
        CancellationToken cancellationToken
    )
    {
        var pool = draft.Policy.Pool(poolName)!;
        var members = new List<WeightedMember>();
        var capped = 0;
        foreach (var rep in pool.Members.Select(draft.Policy.RepById).OfType<RepDefinition>())
        {
            if (facts.Calendar.Value?.WhyAway(rep, draft.Now) is { } away)
            {
                draft.Fallback("rep_skipped", $"skipped in {pool.Name}: {away}");
                continue;
            }

            // A capped rep is passed over, and the explanation says so; the pool's other members share the lead.
            var why =
                rep.RoutingLevel.ForLeads() > 0
                    ? await CapCheck.WhyCappedAsync(
                        rep,
                        pool,
                        WorkChannel.Lead,
                        roundRobin.Counts,
                        draft.Now,
                        cancellationToken
                    )
                    : null;
            if (why is not null)
            {
                draft.Fallback("rep_capped", why);
                capped++;
                continue;
            }

            members.Add(new WeightedMember(rep.Id, rep.RoutingLevel.ForLeads()));
        }

        var picked = await roundRobin.PickAsync(pool.Name + LeadCursorSuffix, members, cancellationToken);
        if (picked is null)
        {
            draft.Fallback(
                "pool_has_no_lead_taker",
                capped == 0
                    ? $"no member of {pool.Name} takes leads (routing levels, absences on the calendar)"
                    : $"no member of {pool.Name} takes leads: {capped} capped, the others by routing level or absence"
            );
        }

        return picked;
    }

    private static RoutingTarget Assign(string? repId, string? pool, LeadFacts facts, LeadDraft draft)
    {
        if (repId is null)
        {
            draft.Upsert(LeadStatus.Mql, owner: null);
            return new RoutingTarget(TargetKind.NotRouted, Pool: pool);
        }

        var policy = draft.Policy;
        var (sequence, signals, required) = SequenceChoice.Choose(draft.Lead, facts.HierarchySegment, policy.Leads);
        draft.Signals(
            signals,
            required,
            facts.HierarchySegment,
            sequence == policy.Leads.Sequences.HighTouchSequenceId
        );
        draft.Upsert(LeadStatus.Mql, repId);
        draft.Notify(repId, "lead_assigned", $"New MQL {draft.Lead.Email} at {draft.Lead.Company} is yours");
        if (policy.RepById(repId) is { } rep)
        {
            draft.Effect(
                new EnrollEffect(
                    draft.Key(EffectTypes.Enroll, sequence),
                    draft.Lead.LeadKey,
                    draft.Fields(LeadStatus.Mql, repId),
                    sequence,
                    rep.Email
                )
            );
        }
        else
        {
            draft.Fallback(
                "not_sequenced",
                $"owner {repId} is not a rep in the policy, so no mailbox to sequence from"
            );
        }

        return Human(policy, repId, pool, sequence);
    }

    private static RoutingTarget Human(RoutingPolicy policy, string repId, string? pool, string? sequence) =>
        new(TargetKind.HumanRep, repId, policy.RepById(repId)?.Name, pool, sequence);
}
