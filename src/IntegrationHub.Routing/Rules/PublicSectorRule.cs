using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>Rule 3: a US public-sector account goes to its BDR Assigned, or round robin in the PubSec pool.</summary>
public sealed class PublicSectorRule : IVisitorRule
{
    public string Name => VisitorRuleNames.PublicSector;

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
            new("account.public_sector", account.PublicSector.ToString(), facts.Account.Report.Capability),
            new("account.country_code", account.CountryCode, facts.Account.Report.Capability),
            new("account.bdr_assigned", account.BdrAssignedUserId ?? "", facts.Account.Report.Capability),
        ];
        if (!account.PublicSector || !string.Equals(account.CountryCode, "US", StringComparison.OrdinalIgnoreCase))
        {
            return new RuleVerdict(Name, RuleOutcome.NotMatched, "not a US public-sector account", read);
        }

        if (policy.RepById(account.BdrAssignedUserId) is { } bdr)
        {
            return new RuleVerdict(
                Name,
                RuleOutcome.Matched,
                $"US public-sector account with BDR Assigned {bdr.Name}",
                read,
                new RepTarget(bdr.Id)
            );
        }

        var pool = policy.PubSecPool()!;
        return new RuleVerdict(
            Name,
            RuleOutcome.Matched,
            $"US public-sector account with no BDR Assigned: round robin in {pool.Name}",
            read,
            new PoolTarget(pool.Name)
        );
    }
}
