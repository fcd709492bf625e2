using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>
/// Applies the rules of engagement to an inbound lead (DOMAIN.md, "Inbound lead routing"):
/// spam first, the MQL bar, partner accounts, paid customers, US public sector, the BDR
/// prospecting status, then the SDR team with its related-lead checks and round robin;
/// chooses high or low touch; and plans the side effects on the vendors.
/// </summary>
public sealed class LeadRouter(LeadFactGatherer gatherer, IRoundRobin roundRobin, TimeProvider time)
{
    /// <summary>Lead cursors are kept apart from chat cursors: the two are weighted differently.</summary>
    public const string LeadCursorSuffix = "#leads";

    public Task<LeadDecision> RouteAsync(LeadSubmission lead, RoutingPolicy policy, CancellationToken cancellationToken) =>
        DecideAsync(lead, policy, time.GetUtcNow(), ct => gatherer.GatherAsync(lead, policy, ct), roundRobin, cancellationToken);

    /// <summary>
    /// The decision for a lead at <paramref name="now"/>, asking <paramref name="gather"/> for the
    /// CRM's facts only once the lead passes spam and the MQL bar: what <see cref="RouteAsync"/>
    /// does, and what a policy simulation replays from a stored decision's inputs.
    /// </summary>
    public static async Task<LeadDecision> DecideAsync(
        LeadSubmission lead, RoutingPolicy policy, DateTimeOffset now, Func<CancellationToken, Task<LeadFacts>> gather, IRoundRobin roundRobin,
        CancellationToken cancellationToken)
    {
        var draft = new LeadDraft(lead, policy, now);
        var spam = SpamCheck.Evaluate(lead, policy.Leads.Spam);
        if (spam.IsFlagged(policy.Leads.Spam))
        {
            draft.Matched(LeadRuleNames.Spam, $"spam confidence {spam.Confidence:0.00}: {string.Join("; ", spam.Reasons)}; flagged for the spam campaign, not routed",
                [new Fact("lead.email_domain", lead.EmailDomain, "lead")]);
            draft.Upsert(LeadStatus.Spam, owner: null);
            return draft.Finish(new RoutingTarget(TargetKind.Spam), spam);
        }

        draft.NotMatched(LeadRuleNames.Spam, spam.Reasons.Count == 0 ? "no spam signals" : $"spam confidence {spam.Confidence:0.00} is below the flag threshold ({string.Join("; ", spam.Reasons)})");
        if (lead.LeadScore < policy.Leads.MqlThreshold)
        {
            draft.Matched(LeadRuleNames.MqlThreshold, $"score {lead.LeadScore} is below the MQL threshold {policy.Leads.MqlThreshold}: recorded, not routed",
                [new Fact("lead.score", lead.LeadScore.ToString(System.Globalization.CultureInfo.InvariantCulture), "lead")]);
            draft.Upsert(LeadStatus.Open, owner: null);
            return draft.Finish(new RoutingTarget(TargetKind.NotRouted), spam);
        }

        draft.NotMatched(LeadRuleNames.MqlThreshold, $"score {lead.LeadScore} reaches {policy.Leads.MqlThreshold}: an MQL");
        var facts = await gather(cancellationToken);
        var target = Decide(facts, draft) ?? throw new InvalidOperationException("the no_account rule always decides");
        var resolved = await ResolveAsync(target, facts, draft, roundRobin, cancellationToken);
        return draft.Finish(resolved, spam, facts);
    }

    /// <summary>The first rule that decides, after the MQL bar.</summary>
    private static LeadTarget? Decide(LeadFacts facts, LeadDraft draft)
    {
        var policy = draft.Policy;
        var account = facts.Account.Value;
        var accountFacts = AccountFacts(facts);
        var accountUnknown = account is null
            ? PolicyLookups.SourceBroken(facts.Account.Report) ? RuleOutcome.Undecided : RuleOutcome.NotMatched
            : RuleOutcome.Matched;

        // Partner accounts: no sales-development outreach; the marketing queue owns the lead.
        if (account is null)
        {
            draft.Add(LeadRuleNames.PartnerProspecting, accountUnknown, PolicyLookups.Unknown(facts.Account.Report), []);
        }
        else if (!string.IsNullOrWhiteSpace(account.PartnerProspectingStatus))
        {
            draft.Matched(LeadRuleNames.PartnerProspecting, $"partner prospecting status '{account.PartnerProspectingStatus}': marketing queue, no sequencing", accountFacts);
            return new LeadTarget.Queue(policy.Leads.MarketingQueueUserId);
        }
        else
        {
            draft.NotMatched(LeadRuleNames.PartnerProspecting, "no partner prospecting status", accountFacts);
        }

        if (account is not null && CustomerConversion(facts, draft, accountFacts) is { } conversion)
        {
            return conversion;
        }

        if (account is not null && PublicSector(facts, draft, accountFacts) is { } pubsec)
        {
            return pubsec;
        }

        if (account is not null)
        {
            return AccountStatus(facts, draft, accountFacts);
        }

        draft.Skip(LeadRuleNames.CustomerConversion, "no matched account");
        draft.Skip(LeadRuleNames.PublicSector, "no matched account");
        draft.Skip(LeadRuleNames.AccountStatus, "no matched account");
        var region = RegionOf(facts.Lead.CountryCode, policy);
        draft.Matched(LeadRuleNames.NoAccount, accountUnknown == RuleOutcome.Undecided
            ? $"{PolicyLookups.Unknown(facts.Account.Report)}: SDR team of {region}"
            : $"no account matches {facts.Lead.EmailDomain} or '{facts.Lead.Company}': SDR team of {region}", []);
        return new LeadTarget.SdrTeam(region);
    }

    private static LeadTarget? CustomerConversion(LeadFacts facts, LeadDraft draft, IReadOnlyList<Fact> accountFacts)
    {
        var policy = draft.Policy.Leads;
        var account = facts.Account.Value!;
        var carr = facts.HierarchyCarrCents;
        var segment = facts.HierarchySegment;
        Fact[] read = [.. accountFacts, new("hierarchy.total_carr_cents", carr.ToString(System.Globalization.CultureInfo.InvariantCulture), "crm"), new("hierarchy.segment", segment.ToString(), "crm")];
        if (carr < policy.CustomerCarrThresholdCents)
        {
            draft.NotMatched(LeadRuleNames.CustomerConversion, $"Land account: hierarchy CARR {carr / 100m:0.##} is below {policy.CustomerCarrThresholdCents / 100m:0.##} (first order available)", read);
            return null;
        }

        if (!facts.HierarchyPaid || segment is not (AccountSegment.Smb or AccountSegment.MidMarket))
        {
            draft.NotMatched(LeadRuleNames.CustomerConversion, $"customer (Expand), but {(facts.HierarchyPaid ? $"segment {segment}" : "no paid tier")}: worked as usual", read);
            return null;
        }

        draft.Matched(LeadRuleNames.CustomerConversion, $"{segment} lead at a paid customer: converted to a contact, account owner notified instead of sequencing", read);
        return new LeadTarget.Convert(account.OwnerUserId ?? draft.Policy.Leads.MarketingQueueUserId, account.Id);
    }

    private static LeadTarget? PublicSector(LeadFacts facts, LeadDraft draft, IReadOnlyList<Fact> accountFacts)
    {
        var policy = draft.Policy;
        var account = facts.Account.Value!;
        var keyword = policy.Leads.PublicSectorKeywords.FirstOrDefault(k => account.Description.Contains(k, StringComparison.OrdinalIgnoreCase) || account.Name.Contains(k, StringComparison.OrdinalIgnoreCase));
        var government = policy.Leads.GovernmentKeywords.Any(k => account.Description.Contains(k, StringComparison.OrdinalIgnoreCase));
        var country = account.CountryCode.ToUpperInvariant();
        Fact[] read = [.. accountFacts, new("account.description_keyword", keyword ?? "", "crm")];
        if (country == "US" && (account.PublicSector || keyword is not null))
        {
            var why = account.PublicSector ? "flagged public sector" : $"description mentions '{keyword}'";
            if (policy.RepById(account.BdrAssignedUserId) is { } bdr)
            {
                draft.Matched(LeadRuleNames.PublicSector, $"US public sector ({why}): BDR Assigned {bdr.Name}", read);
                return new LeadTarget.Rep(bdr.Id);
            }

            var pool = policy.PubSecPool()!;
            draft.Matched(LeadRuleNames.PublicSector, $"US public sector ({why}), no BDR Assigned: round robin in {pool.Name}", read);
            return new LeadTarget.Pool(pool.Name);
        }

        if (country == "CA" && (government || keyword is not null))
        {
            var region = RegionOf("CA", policy);
            draft.Matched(LeadRuleNames.PublicSector, $"Canadian government goes to the {region} commercial team", read);
            return new LeadTarget.SdrTeam(region);
        }

        draft.NotMatched(LeadRuleNames.PublicSector, keyword is not null || account.PublicSector
            ? $"a {country} public body: the commercial team of its territory"
            : "not public sector", read);
        return null;
    }

    private static LeadTarget AccountStatus(LeadFacts facts, LeadDraft draft, IReadOnlyList<Fact> accountFacts)
    {
        var policy = draft.Policy;
        var account = facts.Account.Value!;
        var region = RegionOf(account.CountryCode, policy);
        var bdr = policy.RepById(account.BdrAssignedUserId);
        switch (account.BdrProspectingStatus)
        {
            case BdrProspectingStatus.ActivelyWorking when bdr is not null:
                if (BdrWasActive(facts, bdr.Id, draft) is { } activity)
                {
                    draft.Matched(LeadRuleNames.AccountStatus, $"Actively Working, and {bdr.Name} logged activity {activity}: BDR Assigned", accountFacts);
                    return new LeadTarget.Rep(bdr.Id);
                }

                draft.Matched(LeadRuleNames.AccountStatus, $"Actively Working, but {bdr.Name} logged no activity in {policy.Leads.ActivityWindow.TotalDays:0} days: SDR team of {region}", accountFacts);
                draft.Fallback("bdr_inactive_to_sdr_team", $"{bdr.Name} and their manager are notified");
                draft.Notify(bdr.Id, "bdr_inactive", $"Lead {facts.Lead.Email} at {account.Name} went to the SDR team: no activity by you in {policy.Leads.ActivityWindow.TotalDays:0} days");
                if (facts.Bdr.Value?.ManagerUserId is { Length: > 0 } manager)
                {
                    draft.Notify(manager, "bdr_inactive", $"Lead {facts.Lead.Email} at {account.Name} went to the SDR team: {bdr.Name} logged no recent activity");
                }

                return new LeadTarget.SdrTeam(region);
            case BdrProspectingStatus.Restricted when bdr is not null:
                draft.Matched(LeadRuleNames.AccountStatus, $"Restricted: BDR Assigned {bdr.Name}, who checks with the account owner", accountFacts);
                if (account.OwnerUserId is { Length: > 0 } owner)
                {
                    draft.Notify(owner, "restricted_account", $"{bdr.Name} received lead {facts.Lead.Email} at restricted account {account.Name}");
                }

                return new LeadTarget.Rep(bdr.Id);
            default:
                draft.Matched(LeadRuleNames.AccountStatus, $"{account.BdrProspectingStatus}{(bdr is null && account.BdrAssignedUserId is not null ? " (BDR Assigned is not a rep in the policy)" : "")}: SDR team of {region}", accountFacts);
                return new LeadTarget.SdrTeam(region);
        }
    }

    /// <summary>When the BDR last touched the account or one of its leads within the window, in words; null if not.</summary>
    private static string? BdrWasActive(LeadFacts facts, string bdrId, LeadDraft draft)
    {
        var since = draft.Now - draft.Policy.Leads.ActivityWindow;
        var onAccount = (facts.AccountActivity.Value ?? []).Where(a => a.UserId == bdrId && a.OccurredAt >= since).Max(a => (DateTimeOffset?)a.OccurredAt);
        if (onAccount is { } at)
        {
            return $"on the account {(draft.Now - at).TotalDays:0} days ago";
        }

        var onLeads = (facts.Related.Value ?? []).Where(p => p.OwnerUserId == bdrId && p.LastActivityAt >= since).Max(p => p.LastActivityAt);
        return onLeads is { } leadAt ? $"on a related lead {(draft.Now - leadAt).TotalDays:0} days ago" : null;
    }

    private static async Task<RoutingTarget> ResolveAsync(LeadTarget target, LeadFacts facts, LeadDraft draft, IRoundRobin roundRobin, CancellationToken cancellationToken)
    {
        var policy = draft.Policy;
        switch (target)
        {
            case LeadTarget.Queue queue:
                draft.Upsert(LeadStatus.Mql, queue.UserId);
                return new RoutingTarget(TargetKind.MarketingQueue, queue.UserId);
            case LeadTarget.Convert convert:
                draft.Upsert(LeadStatus.Mql, convert.OwnerId);
                draft.Effect(new ConvertLeadEffect(draft.Key(EffectTypes.ConvertLead, convert.AccountId), draft.Lead.LeadKey, draft.Fields(LeadStatus.Mql, convert.OwnerId), convert.AccountId));
                draft.Notify(convert.OwnerId, "customer_lead", $"{draft.Lead.Email} at your customer {facts.Account.Value?.Name} was converted to a contact");
                return Human(policy, convert.OwnerId, pool: null, sequence: null);
            case LeadTarget.Rep rep:
                return Assign(rep.RepId, pool: null, facts, draft);
            case LeadTarget.Pool pool:
                return Assign(await PickAsync(pool.Name, draft, roundRobin, cancellationToken), pool.Name, facts, draft);
            case LeadTarget.SdrTeam team:
                var geo = policy.GeoPool(team.Region)!;
                if (RelatedOwner(facts, draft) is { } owner)
                {
                    return Assign(owner, pool: null, facts, draft);
                }

                return Assign(await PickAsync(geo.Name, draft, roundRobin, cancellationToken), geo.Name, facts, draft);
            default:
                throw new InvalidOperationException($"unknown lead target {target}");
        }
    }

    private static async Task<string?> PickAsync(string poolName, LeadDraft draft, IRoundRobin roundRobin, CancellationToken cancellationToken)
    {
        var pool = draft.Policy.Pool(poolName)!;
        var members = pool.Members.Select(draft.Policy.RepById).OfType<RepDefinition>()
            .Select(r => new WeightedMember(r.Id, r.RoutingLevel.ForLeads())).ToList();
        var picked = await roundRobin.PickAsync(pool.Name + LeadCursorSuffix, members, cancellationToken);
        if (picked is null)
        {
            draft.Fallback("pool_has_no_lead_taker", $"no member of {pool.Name} takes leads (routing levels)");
        }

        return picked;
    }

    /// <summary>DOMAIN rule 8: the owner of a related lead, when one should keep the company together.</summary>
    private static string? RelatedOwner(LeadFacts facts, LeadDraft draft)
    {
        var since = draft.Now - draft.Policy.Leads.ActivityWindow;
        var others = (facts.Related.Value ?? [])
            .Where(p => !string.Equals(p.Email, draft.Lead.Email, StringComparison.OrdinalIgnoreCase) && p.OwnerUserId is { Length: > 0 })
            .ToList();
        var earliestMql = others.Where(p => p.Status == LeadStatus.Mql && p.MqlAt is not null).OrderBy(p => p.MqlAt).FirstOrDefault();
        if (earliestMql is not null)
        {
            draft.Matched(LeadRuleNames.RelatedLeads, $"another lead at the company has been an MQL since {earliestMql.MqlAt:yyyy-MM-dd}: both go to its owner",
                [new Fact("related_lead.mql_at", earliestMql.MqlAt!.Value.ToString("O"), "crm"), new Fact("related_lead.owner", earliestMql.OwnerUserId!, "crm")]);
            return earliestMql.OwnerUserId;
        }

        var working = others.FirstOrDefault(p => p.Status is LeadStatus.Accepted or LeadStatus.Qualifying
            && (p.LastActivityAt >= since || p.NextTaskAt > draft.Now));
        if (working is not null)
        {
            var why = working.NextTaskAt > draft.Now ? "has a future task" : "had activity in the window";
            draft.Matched(LeadRuleNames.RelatedLeads, $"another lead at the company is {working.Status} and {why}: its owner keeps the company",
                [new Fact("related_lead.status", working.Status.ToString(), "crm"), new Fact("related_lead.owner", working.OwnerUserId!, "crm")]);
            return working.OwnerUserId;
        }

        draft.NotMatched(LeadRuleNames.RelatedLeads, others.Count == 0 ? "no related leads" : "no related lead in MQL, or being worked recently: round robin", []);
        return null;
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
        draft.Signals(signals, required, facts.HierarchySegment, sequence == policy.Leads.Sequences.HighTouchSequenceId);
        draft.Upsert(LeadStatus.Mql, repId);
        draft.Notify(repId, "lead_assigned", $"New MQL {draft.Lead.Email} at {draft.Lead.Company} is yours");
        if (policy.RepById(repId) is { } rep)
        {
            draft.Effect(new EnrollEffect(draft.Key(EffectTypes.Enroll, sequence), draft.Lead.LeadKey, draft.Fields(LeadStatus.Mql, repId), sequence, rep.Email));
        }
        else
        {
            draft.Fallback("not_sequenced", $"owner {repId} is not a rep in the policy, so no mailbox to sequence from");
        }

        return Human(policy, repId, pool, sequence);
    }

    private static RoutingTarget Human(RoutingPolicy policy, string repId, string? pool, string? sequence) =>
        new(TargetKind.HumanRep, repId, policy.RepById(repId)?.Name, pool, sequence);

    private static string RegionOf(string? countryCode, RoutingPolicy policy) =>
        countryCode is { Length: > 0 } c && policy.RegionsByCountry.TryGetValue(c.ToUpperInvariant(), out var region) ? region : policy.DefaultRegion;

    private static IReadOnlyList<Fact> AccountFacts(LeadFacts facts) => facts.Account.Value is not { } account ? [] :
    [
        new("account.id", account.Id, "crm"),
        new("account.matched_by", facts.MatchedBy ?? "", "crm"),
        new("account.bdr_prospecting_status", account.BdrProspectingStatus.ToString(), "crm"),
        new("account.bdr_assigned", account.BdrAssignedUserId ?? "", "crm"),
        new("account.country_code", account.CountryCode, "crm"),
    ];
}
