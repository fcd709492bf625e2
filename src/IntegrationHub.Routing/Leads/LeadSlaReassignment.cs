using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>
/// The SLA's check and its decision. At the deadline the CRM's lead decides whether its owner took it (a status the
/// policy counts as accepted, an activity they logged since the decision, or another owner set by someone); if not,
/// the round robin the lead came from (or its SDR team's) picks the next rep without the first owner — the same
/// cursor the rule's picks move, so the reassignment counts as that rep's turn — and the lead, the first owner and
/// their manager are told.
/// </summary>
public static class LeadSlaReassignment
{
    /// <summary>Why the lead stays with its owner, or null when the SLA was missed.</summary>
    public static string? WhyKept(LeadSlaDue due, Person crmLead, DateTimeOffset? ownerActivityAt, LeadSlaPolicy sla)
    {
        if (crmLead.OwnerUserId is { } owner && owner != due.Sla.OwnerId)
        {
            return $"the CRM owner is now {owner}: someone moved the lead already";
        }

        if (sla.AcceptedStatuses.Contains(crmLead.Status))
        {
            return $"the CRM status is {crmLead.Status}";
        }

        return ownerActivityAt is { } at ? $"the owner logged an activity on the lead at {at:u}" : null;
    }

    /// <summary>The reassignment, as a lead decision of its own (matched rule <c>lead_sla</c>).</summary>
    public static async Task<LeadDecision> DecideAsync(
        LeadSlaDue due,
        Person crmLead,
        string? managerId,
        RoutingPolicy policy,
        DateTimeOffset now,
        IRoundRobin roundRobin,
        CancellationToken cancellationToken
    )
    {
        var first = due.Sla.OwnerId;
        var firstName = policy.RepById(first)?.Name ?? first;
        var pool = policy.Pool(due.Sla.ThenPool);
        var members = new List<WeightedMember>();
        var capSkips = new List<FallbackStep>();
        foreach (
            var rep in (pool?.Members ?? []).Where(id => id != first).Select(policy.RepById).OfType<RepDefinition>()
        )
        {
            // A capped rep is passed over here as in the lead's first routing, and the explanation says so.
            if (
                pool is not null
                && rep.RoutingLevel.ForLeads() > 0
                && await CapCheck.WhyCappedAsync(rep, pool, WorkChannel.Lead, roundRobin.Counts, now, cancellationToken)
                    is { } capped
            )
            {
                capSkips.Add(new FallbackStep("rep_capped", capped));
                continue;
            }

            members.Add(new WeightedMember(rep.Id, rep.RoutingLevel.ForLeads()));
        }

        var next =
            members.Count == 0
                ? null
                : await roundRobin.PickAsync(
                    due.Sla.ThenPool + LeadRouter.LeadCursorSuffix,
                    members,
                    cancellationToken
                );
        var nextName = policy.RepById(next)?.Name ?? next;
        var requestId = due.ReassignmentRequestId;
        var effects = new List<PlannedEffect>();
        var notifications = new List<Notification>();
        void Notify(string recipient, string reason, string message)
        {
            notifications.Add(new Notification(recipient, reason));
            effects.Add(
                new NotifyEffect($"{requestId}/{EffectTypes.Notify}/{reason}/{recipient}", recipient, reason, message)
            );
        }

        var missed =
            $"{firstName} did not accept lead {due.Email} within {due.Sla.Minutes} min of decision "
            + $"{due.DecisionId} (CRM status {crmLead.Status}, no activity by them since {due.DecidedAt:u})";
        var fallbacks = due.Deferred.Select(d => new FallbackStep("sla_check_deferred", d)).ToList();
        fallbacks.AddRange(capSkips);
        RoutingTarget target;
        string reason;
        if (next is null)
        {
            reason = $"{missed}; nobody else in {due.Sla.ThenPool} takes leads, so the lead stays with them";
            fallbacks.Add(new FallbackStep("no_other_lead_taker", $"no member of {due.Sla.ThenPool} but {firstName}"));
            target = new RoutingTarget(TargetKind.HumanRep, first, firstName, due.Sla.ThenPool);
        }
        else
        {
            reason = $"{missed}: round robin of {due.Sla.ThenPool} without them gave it to {nextName}";
            effects.Add(
                new UpsertLeadEffect(
                    $"{requestId}/{EffectTypes.UpsertLead}/{due.LeadKey}",
                    due.LeadKey,
                    Fields(crmLead, next)
                )
            );
            Notify(next, "lead_reassigned", $"Lead {due.Email} is yours: {firstName} did not accept it in time");
            target = new RoutingTarget(TargetKind.HumanRep, next, nextName, due.Sla.ThenPool);
        }

        Notify(
            first,
            "lead_sla_missed",
            $"Lead {due.Email} went to {nextName ?? "nobody else"}: not accepted within " + $"{due.Sla.Minutes} min"
        );
        if (managerId is { Length: > 0 } && managerId != first)
        {
            Notify(
                managerId,
                "lead_sla_missed",
                $"Lead {due.Email} of {firstName} went to {nextName ?? "nobody else"}: "
                    + $"not accepted within {due.Sla.Minutes} min"
            );
        }

        Fact[] facts =
        [
            new("original_decision", due.DecisionId, "hub"),
            new("first_owner", first, "hub"),
            new("deadline", $"{due.Sla.DueAt:u}", "hub"),
            new("crm_status", $"{crmLead.Status}", "crm"),
            new("crm_owner", crmLead.OwnerUserId ?? "", "crm"),
        ];
        return new LeadDecision(
            Guid.CreateVersion7(now).ToString("N"),
            requestId,
            now,
            target,
            LeadSla.RuleName,
            new Explanation(
                [new RuleEvaluation(LeadSla.RuleName, RuleOutcome.Matched, reason, facts)],
                [],
                fallbacks,
                notifications
            ),
            false,
            new SpamVerdict(0, []),
            due.LeadKey,
            effects
        )
        {
            PolicyVersion = policy.Version,
        };
    }

    /// <summary>The lead as the CRM holds it, with the new owner: a rep's edits since the decision are kept.</summary>
    private static LeadFields Fields(Person lead, string owner) =>
        new()
        {
            Email = lead.Email,
            FirstName = lead.FirstName,
            LastName = lead.LastName,
            Company = lead.Company,
            Title = lead.Title,
            Phone = lead.Phone,
            CountryCode = lead.CountryCode,
            Status = lead.Status,
            OwnerUserId = owner,
            LeadScore = lead.LeadScore,
            MqlAt = lead.MqlAt,
        };
}
