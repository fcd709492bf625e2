using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Rules;

/// <summary>Rule 4: an Actively Working account goes to its BDR Assigned; if unavailable, the geo SDR pool.</summary>
public sealed class ActivelyWorkingAccountRule : IVisitorRule
{
    public string Name => VisitorRuleNames.ActivelyWorkingAccount;

    public RuleVerdict Evaluate(VisitorFacts facts, RoutingPolicy policy)
    {
        if (facts.Account.Value is not { } account)
        {
            return new RuleVerdict(
                Name,
                PolicyLookups.SourceBroken(facts.Account.Report) ? RuleOutcome.Undecided : RuleOutcome.NotMatched,
                PolicyLookups.Unknown(facts.Account.Report),
                []
            );
        }

        Fact[] read =
        [
            new(
                "account.bdr_prospecting_status",
                account.BdrProspectingStatus.ToString(),
                facts.Account.Report.Capability
            ),
            new("account.bdr_assigned", account.BdrAssignedUserId ?? "", facts.Account.Report.Capability),
        ];
        if (account.BdrProspectingStatus != BdrProspectingStatus.ActivelyWorking)
        {
            return new RuleVerdict(
                Name,
                RuleOutcome.NotMatched,
                $"BDR Prospecting Status is {account.BdrProspectingStatus}",
                read
            );
        }

        if (policy.RepById(account.BdrAssignedUserId) is not { } bdr)
        {
            return new RuleVerdict(
                Name,
                RuleOutcome.NotMatched,
                "Actively Working, but no BDR Assigned who is a rep in the policy",
                read
            );
        }

        var region = policy.RegionOf(facts);
        return new RuleVerdict(
            Name,
            RuleOutcome.Matched,
            $"Actively Working account of BDR {bdr.Name}",
            read,
            new RepTarget(bdr.Id, policy.GeoPool(region)?.Name)
        );
    }
}
