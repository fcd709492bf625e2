using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>The lead decision as it is being made: rule outcomes, fallbacks, notifications and effects.</summary>
internal sealed class LeadDraft(LeadSubmission lead, RoutingPolicy policy, DateTimeOffset now)
{
    private readonly List<RuleEvaluation> _rules = [];
    private readonly List<FallbackStep> _fallbacks = [];
    private readonly List<Notification> _notifications = [];
    private readonly List<PlannedEffect> _effects = [];

    public LeadSubmission Lead { get; } = lead;

    public RoutingPolicy Policy { get; } = policy;

    public DateTimeOffset Now { get; } = now;

    /// <summary>Judged once, kept with the decision whether or not the spam rule flags it.</summary>
    public SpamVerdict Spam { get; } = SpamCheck.Evaluate(lead, policy.Leads.Spam);

    /// <summary>The ordered rule that decided; the rules after it are skipped because of it.</summary>
    public string? DecidedBy { get; set; }

    /// <summary>
    /// The rule that chose the target, when not the one that decided: related_leads keeping the company with one owner.
    /// </summary>
    public string? ChosenBy { get; set; }

    public void Add(string rule, RuleOutcome outcome, string reason, IReadOnlyList<Fact> facts) =>
        _rules.Add(new RuleEvaluation(rule, outcome, reason, facts));

    public void Matched(string rule, string reason, IReadOnlyList<Fact> facts) =>
        Add(rule, RuleOutcome.Matched, reason, facts);

    public void NotMatched(string rule, string reason, IReadOnlyList<Fact>? facts = null) =>
        Add(rule, RuleOutcome.NotMatched, reason, facts ?? []);

    public void Skip(string rule, string reason) => Add(rule, RuleOutcome.Skipped, reason, []);

    public void Fallback(string name, string reason) => _fallbacks.Add(new FallbackStep(name, reason));

    public void Signals(IReadOnlyList<string> signals, int required, AccountSegment segment, bool highTouch) =>
        Add(
            "sequence_choice",
            RuleOutcome.Matched,
            $"{(highTouch ? "high" : "low")} touch: {signals.Count} quality signal(s) for a {segment} lead, "
                + $"{required} needed",
            [.. signals.Select(s => new Fact("signal", s, "lead"))]
        );

    /// <summary>
    /// The idempotency key of one effect: fixed by the request, so a retried request plans the same keys.
    /// </summary>
    public string Key(string type, string discriminator) => $"{Lead.RequestId}/{type}/{discriminator}";

    public void Effect(PlannedEffect effect) => _effects.Add(effect);

    public void Notify(string recipient, string reason, string message)
    {
        _notifications.Add(new Notification(recipient, reason));
        _effects.Add(new NotifyEffect(Key(EffectTypes.Notify, $"{reason}/{recipient}"), recipient, reason, message));
    }

    public LeadFields Fields(LeadStatus status, string? owner) =>
        new()
        {
            Email = Lead.Email,
            FirstName = Lead.FirstName,
            LastName = Lead.LastName,
            Company = Lead.Company,
            Title = Lead.Title,
            Phone = Lead.Phone,
            CountryCode = Lead.CountryCode,
            Status = status,
            OwnerUserId = owner,
            LeadScore = Lead.LeadScore,
            MqlAt = status == LeadStatus.Mql ? Now : null,
        };

    public void Upsert(LeadStatus status, string? owner) =>
        _effects.Insert(
            0,
            new UpsertLeadEffect(Key(EffectTypes.UpsertLead, Lead.LeadKey), Lead.LeadKey, Fields(status, owner))
        );

    public LeadDecision Finish(RoutingTarget target, LeadFacts? facts)
    {
        // Skipped rules are listed last, as the explanation has always shown them.
        var done = _rules.Select(r => r.Rule).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in Policy.Leads.Rules.Where(r => !done.Contains(r)))
        {
            _rules.Add(new RuleEvaluation(rule, RuleOutcome.Skipped, $"{DecidedBy} decided first", []));
        }

        var country = facts?.Account.Value?.CountryCode is { Length: > 0 } c ? c : Lead.CountryCode;
        var sla = LeadSla.Plan(Policy, target, ChosenBy ?? DecidedBy, Now, country);
        if (sla is not null)
        {
            Add(
                LeadSla.RuleName,
                RuleOutcome.Matched,
                $"{sla.Describe(Policy)}: unless the owner accepts by {sla.DueAt:yyyy-MM-dd HH:mm} UTC",
                [new Fact("sla_minutes", $"{sla.Minutes}", "policy"), new Fact("then_pool", sla.ThenPool, "policy")]
            );
        }

        return new LeadDecision(
            Guid.CreateVersion7(Now).ToString("N"),
            Lead.RequestId,
            Now,
            target,
            ChosenBy ?? DecidedBy,
            new Explanation([.. _rules], facts?.Reports ?? [], [.. _fallbacks], [.. _notifications]),
            facts?.Degraded ?? false,
            Spam,
            Lead.LeadKey,
            [.. _effects],
            new LeadInputs(Lead, facts)
        )
        {
            PolicyVersion = Policy.Version,
            Sla = sla,
        };
    }
}
