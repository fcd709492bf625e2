using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 7: a US public-sector account goes to its BDR Assigned, or round robin among the
/// PubSec BDRs; Canadian government goes to the commercial team of its region; other public
/// bodies are worked by the commercial team of their territory like any account.
/// </summary>
internal sealed class PublicSectorLeadRule : AccountRule
{
    public override string Name => LeadRuleNames.PublicSector;

    protected override LeadTarget? Decide(LeadDraft draft, LeadFacts facts, Account account, IReadOnlyList<Fact> read)
    {
        var policy = draft.Policy;
        var keyword = policy.Leads.PublicSectorKeywords.FirstOrDefault(k =>
            account.Description.Contains(k, StringComparison.OrdinalIgnoreCase)
            || account.Name.Contains(k, StringComparison.OrdinalIgnoreCase)
        );
        var government = policy.Leads.GovernmentKeywords.Any(k =>
            account.Description.Contains(k, StringComparison.OrdinalIgnoreCase)
        );
        var country = account.CountryCode.ToUpperInvariant();
        read = [.. read, new("account.description_keyword", keyword ?? "", "crm")];
        if (country == "US" && (account.PublicSector || keyword is not null))
        {
            var why = account.PublicSector ? "flagged public sector" : $"description mentions '{keyword}'";
            if (policy.RepById(account.BdrAssignedUserId) is { } bdr)
            {
                draft.Matched(Name, $"US public sector ({why}): BDR Assigned {bdr.Name}", read);
                return new LeadTarget.Rep(bdr.Id);
            }

            var pool = policy.PubSecPool()!;
            draft.Matched(Name, $"US public sector ({why}), no BDR Assigned: round robin in {pool.Name}", read);
            return new LeadTarget.Pool(pool.Name);
        }

        if (country == "CA" && (government || keyword is not null))
        {
            var region = policy.RegionOf("CA");
            draft.Matched(Name, $"Canadian government goes to the {region} commercial team", read);
            return new LeadTarget.SdrTeam(region);
        }

        draft.NotMatched(
            Name,
            keyword is not null || account.PublicSector
                ? $"a {country} public body: the commercial team of its territory"
                : "not public sector",
            read
        );
        return null;
    }
}
