using IntegrationHub.Hub.Errors;
using IntegrationHub.Routing;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Storage.Assignment;

namespace IntegrationHub.Hub.Decisions;

/// <summary>A decision that would be made, under which policy, and (for a lead) what it would do.</summary>
public sealed record Preview<T>(T Decision, string Policy, IReadOnlyList<(string Type, string Summary)> Effects);

/// <summary>
/// "Where would this visitor go, and why?" before a policy is published: the full decision with live facts, under the
/// running policy or a candidate, with nothing written — the caller stores nothing, and pool picks come from
/// <see cref="RoundRobinPeek"/>, so no cursor moves.
/// </summary>
public sealed class DecisionPreview(
    VisitorRouter visitors,
    LeadRouter leads,
    PolicyProvider policies,
    RoundRobinStore roundRobin
)
{
    public const string Running = "running";
    public const string Candidate = "candidate";

    public async Task<Preview<VisitorDecision>> VisitorAsync(
        VisitorRequest visitor,
        string candidatePolicy,
        CancellationToken cancellationToken
    )
    {
        var (policy, which) = PolicyFor(candidatePolicy);
        var decision = await visitors.RouteAsync(visitor, policy, new RoundRobinPeek(roundRobin), cancellationToken);
        return new Preview<VisitorDecision>(decision, which, []);
    }

    public async Task<Preview<LeadDecision>> LeadAsync(
        LeadSubmission lead,
        string candidatePolicy,
        CancellationToken cancellationToken
    )
    {
        var (policy, which) = PolicyFor(candidatePolicy);
        var decision = await leads.RouteAsync(lead, policy, new RoundRobinPeek(roundRobin), cancellationToken);
        return new Preview<LeadDecision>(decision, which, [.. decision.Effects.Select(e => (e.Type, Summary(e)))]);
    }

    /// <summary>The candidate when one is given, validated as a policy file; INVALID_ARGUMENT per problem.</summary>
    private (RoutingPolicy Policy, string Which) PolicyFor(string candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate))
        {
            return (policies.Current, Running);
        }

        try
        {
            return (policies.ParseCandidate(candidate, "candidate_policy"), Candidate);
        }
        catch (PolicyValidationException invalid)
        {
            throw HubException.Invalid([.. invalid.Problems.Select(p => new FieldViolation("candidate_policy", p))]);
        }
    }

    private static string Summary(PlannedEffect effect) =>
        effect switch
        {
            UpsertLeadEffect upsert =>
                $"upsert lead {upsert.ExternalId} ({upsert.Lead.Email}) as {upsert.Lead.Status}, owner "
                    + (upsert.Lead.OwnerUserId ?? "none"),
            ConvertLeadEffect convert =>
                $"convert lead {convert.ExternalId} into a contact on account {convert.AccountId}",
            EnrollEffect enroll =>
                $"enrol {enroll.Lead.Email} in sequence {enroll.SequenceId} from {enroll.OwnerEmail}'s mailbox",
            NotifyEffect notify => $"alert {notify.RecipientId}: {notify.Message}",
            _ => effect.Type,
        };
}
