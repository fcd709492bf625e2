using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Hub.Policies;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Simulation;
using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Policies;
using Domain = IntegrationHub.Routing.Simulation;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>The running policy, and what a candidate would change over stored decisions.</summary>
public sealed partial class PolicyGrpcService(
    PolicyProvider policies,
    DecisionStore decisions,
    PolicyVersionStore versions,
    PolicyPublisher publisher,
    TimeProvider time
) : PolicyService.PolicyServiceBase
{
    private const int MaxPolicyLength = 1024 * 1024;
    private const int PageSize = 500;

    public override Task<GetPolicyResponse> GetPolicy(GetPolicyRequest request, ServerCallContext context)
    {
        var policy = policies.Current;
        return Task.FromResult(
            new GetPolicyResponse
            {
                PolicyJson = PolicyFile.Serialize(policy),
                RepCount = policy.Reps.Count,
                PoolCount = policy.Pools.Count,
                Version = policy.Version,
            }
        );
    }

    public override async Task SimulatePolicyChange(
        SimulatePolicyChangeRequest request,
        IServerStreamWriter<SimulatePolicyChangeResponse> responseStream,
        ServerCallContext context
    )
    {
        var (candidate, from, to) = Validate(request);
        var ct = context.CancellationToken;
        var baseline =
            request.BaselineVersion == 0 ? policies.Current : await StoredPolicyAsync(request.BaselineVersion, ct);
        candidate ??= await StoredPolicyAsync(request.CandidateVersion, ct);
        var window = new DecisionQuery(from, to, PageSize: PageSize, OldestFirst: true);
        var total = await decisions.CountAsync(window, ct);
        var simulation = new PolicySimulation(baseline, candidate);
        string? token = null;
        do
        {
            var page = await decisions.ListAsync(window with { PageToken = token }, ct);
            // A reassignment at a lead's SLA deadline is not routing of its own: its lead is replayed with the SLA.
            foreach (var stored in page.Decisions.Where(d => d.Kind != LeadSlaTimer.DecisionKind))
            {
                await (
                    stored.Kind == DecisionJson.VisitorKind
                        ? simulation.ReplayAsync(stored.Visitor(), ct)
                        : simulation.ReplayAsync(stored.Lead(), ct)
                );
            }

            token = page.NextPageToken;
            await responseStream.WriteAsync(
                new SimulatePolicyChangeResponse
                {
                    Progress = new SimulationProgress
                    {
                        Done = simulation.Decisions,
                        Total = Math.Max(total, simulation.Decisions),
                    },
                },
                ct
            );
        } while (token is not null);

        await responseStream.WriteAsync(
            new SimulatePolicyChangeResponse { Report = ToContract(simulation.Report()) },
            ct
        );
    }

    private (RoutingPolicy? Candidate, DateTimeOffset From, DateTimeOffset To) Validate(
        SimulatePolicyChangeRequest request
    )
    {
        var validator = new RequestValidator();
        var from = validator.Timestamp("start_time", request.StartTime, required: true);
        var to = validator.Timestamp("end_time", request.EndTime, required: false) ?? time.GetUtcNow();
        if (from is { } f && (to <= f || to - f > TimeSpan.FromDays(31)))
        {
            validator.Add("end_time", "must be after start_time and at most 31 days later");
        }

        if (request.BaselineVersion < 0)
        {
            validator.Add("baseline_version", "must be a published version, or 0 for the running policy");
        }

        RoutingPolicy? candidate = null;
        if (request.CandidateVersion != 0)
        {
            if (request.CandidateVersion < 0)
            {
                validator.Add("candidate_version", "must be a published version (at least 1)");
            }

            if (request.CandidatePolicyJson.Length > 0)
            {
                validator.Add("candidate_policy_json", "must be empty when candidate_version names the candidate");
            }
        }
        else
        {
            candidate = ParsePolicy(validator, "candidate_policy_json", request.CandidatePolicyJson, "candidate");
        }

        validator.ThrowIfInvalid();
        return (candidate, from!.Value, to);
    }

    /// <summary>The policy in <paramref name="json"/>, or each of its problems added as a violation.</summary>
    private RoutingPolicy? ParsePolicy(RequestValidator validator, string field, string json, string source)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            validator.Add(field, "is required: the policy file's JSON");
            return null;
        }

        if (json.Length > MaxPolicyLength)
        {
            validator.Add(field, $"must be at most {MaxPolicyLength} characters");
            return null;
        }

        try
        {
            return policies.ParseCandidate(json, source);
        }
        catch (PolicyValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                validator.Add(field, problem);
            }

            return null;
        }
    }

    private static Contracts.Routing.V1.SimulationReport ToContract(Domain.SimulationReport report)
    {
        var contract = new Contracts.Routing.V1.SimulationReport
        {
            Decisions = report.Decisions,
            Replayed = report.Replayed,
            NotReplayable = report.NotReplayable,
            Reproduced = report.Reproduced,
            Moved = report.Moved,
        };
        contract.MovesByRule.AddRange(report.ByRule.Select(Move));
        contract.MovesByTarget.AddRange(report.ByTarget.Select(Move));
        contract.RepLoads.AddRange(
            report.Load.Select(l => new Contracts.Routing.V1.RepLoad
            {
                RepId = l.RepId,
                Name = l.Name,
                Before = l.Before,
                After = l.After,
            })
        );
        contract.Examples.AddRange(
            report.Examples.Select(e => new Contracts.Routing.V1.MovedDecision
            {
                DecisionId = e.DecisionId,
                Kind = e.Kind == DecisionJson.VisitorKind ? DecisionKind.Visitor : DecisionKind.Lead,
                CreateTime = Timestamp.FromDateTimeOffset(e.CreatedAt),
                RuleBefore = e.RuleBefore,
                TargetBefore = e.TargetBefore,
                RuleAfter = e.RuleAfter,
                TargetAfter = e.TargetAfter,
            })
        );
        return contract;
    }

    private static SimulationMove Move(Domain.Move move) =>
        new()
        {
            From = move.From,
            To = move.To,
            Count = move.Count,
        };
}
