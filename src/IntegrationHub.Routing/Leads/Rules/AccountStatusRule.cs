using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 5: the account's BDR Prospecting Status decides every lead with an account that
/// gets this far: Actively Working goes to a BDR active in the window (else the SDR team, and the
/// BDR and manager hear of it), Restricted to the BDR (the owner hears of it), the rest to the SDR team.
/// </summary>
internal sealed class AccountStatusRule : AccountRule
{
    public override string Name => LeadRuleNames.AccountStatus;

    protected override LeadTarget? Decide(LeadDraft draft, LeadFacts facts, Account account, IReadOnlyList<Fact> read)
    {
        var region = draft.Policy.RegionOf(account.CountryCode);
        var bdr = draft.Policy.RepById(account.BdrAssignedUserId);
        var days = $"{draft.Policy.Leads.ActivityWindow.TotalDays:0} days";
        switch (account.BdrProspectingStatus)
        {
            case BdrProspectingStatus.ActivelyWorking when bdr is not null:
                if (BdrWasActive(facts, bdr.Id, draft) is { } activity)
                {
                    draft.Matched(
                        Name,
                        $"Actively Working, and {bdr.Name} logged activity {activity}: BDR Assigned",
                        read
                    );
                    return new LeadTarget.Rep(bdr.Id);
                }

                draft.Matched(
                    Name,
                    $"Actively Working, but {bdr.Name} logged no activity in {days}: SDR team of {region}",
                    read
                );
                draft.Fallback("bdr_inactive_to_sdr_team", $"{bdr.Name} and their manager are notified");
                draft.Notify(
                    bdr.Id,
                    "bdr_inactive",
                    $"Lead {facts.Lead.Email} at {account.Name} went to the SDR team: no activity by you in {days}"
                );
                if (facts.Bdr.Value?.ManagerUserId is { Length: > 0 } manager)
                {
                    draft.Notify(
                        manager,
                        "bdr_inactive",
                        $"Lead {facts.Lead.Email} at {account.Name} went to the SDR team: "
                            + $"{bdr.Name} logged no recent activity"
                    );
                }

                return new LeadTarget.SdrTeam(region);
            case BdrProspectingStatus.Restricted when bdr is not null:
                draft.Matched(Name, $"Restricted: BDR Assigned {bdr.Name}, who checks with the account owner", read);
                if (account.OwnerUserId is { Length: > 0 } owner)
                {
                    draft.Notify(
                        owner,
                        "restricted_account",
                        $"{bdr.Name} received lead {facts.Lead.Email} at restricted account {account.Name}"
                    );
                }

                return new LeadTarget.Rep(bdr.Id);
            default:
                var notARep =
                    bdr is null && account.BdrAssignedUserId is not null
                        ? " (BDR Assigned is not a rep in the policy)"
                        : "";
                draft.Matched(Name, $"{account.BdrProspectingStatus}{notARep}: SDR team of {region}", read);
                return new LeadTarget.SdrTeam(region);
        }
    }

    /// <summary>
    /// When the BDR last touched the account or one of its leads within the window, in words; null if not.
    /// </summary>
    private static string? BdrWasActive(LeadFacts facts, string bdrId, LeadDraft draft)
    {
        var since = draft.Now - draft.Policy.Leads.ActivityWindow;
        var onAccount = (facts.AccountActivity.Value ?? [])
            .Where(a => a.UserId == bdrId && a.OccurredAt >= since)
            .Max(a => (DateTimeOffset?)a.OccurredAt);
        if (onAccount is { } at)
        {
            return $"on the account {(draft.Now - at).TotalDays:0} days ago";
        }

        var onLeads = (facts.Related.Value ?? [])
            .Where(p => p.OwnerUserId == bdrId && p.LastActivityAt >= since)
            .Max(p => p.LastActivityAt);
        return onLeads is { } leadAt ? $"on a related lead {(draft.Now - leadAt).TotalDays:0} days ago" : null;
    }
}
