using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>One live-visitor rule of engagement. Rules are pure: facts and policy in, verdict out.</summary>
public interface IVisitorRule
{
    string Name { get; }

    RuleVerdict Evaluate(VisitorFacts facts, RoutingPolicy policy);
}
