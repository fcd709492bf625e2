using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Simulation;

/// <summary>
/// Replays stored decisions, oldest first, under the running policy and a candidate, and counts
/// what moves. Nothing is asked of a vendor and nothing is stored: the facts and presence each
/// decision was made from are in its inputs. A decision without inputs (stored before the hub
/// kept them) or a lead the candidate would take further than the CRM was asked at the time
/// (a lower MQL bar, say) cannot be replayed and is counted as such. Caps count the work the replay gives, from
/// zero at the window's start: work taken before the window is not known to the replay.
/// </summary>
public sealed class PolicySimulation(RoutingPolicy current, RoutingPolicy candidate)
{
    private const int MaxExamples = 50;

    private readonly InMemoryRoundRobin _currentRoundRobin = new();
    private readonly InMemoryRoundRobin _candidateRoundRobin = new();
    private readonly Dictionary<(string, string), int> _byRule = [];
    private readonly Dictionary<(string, string), int> _byTarget = [];
    private readonly Dictionary<string, (int Before, int After)> _load = [];
    private readonly List<MovedDecision> _examples = [];
    private int _decisions,
        _replayed,
        _notReplayable,
        _reproduced,
        _moved;

    public int Decisions => _decisions;

    public async Task ReplayAsync(VisitorDecision recorded, CancellationToken cancellationToken)
    {
        _decisions++;
        if (recorded.Inputs is not { } inputs)
        {
            _notReplayable++;
            return;
        }

        var before = await VisitorRouter.DecideAsync(
            inputs.ToFacts(recorded.RequestId, current),
            inputs.Presence,
            current,
            recorded.CreatedAt,
            _currentRoundRobin,
            cancellationToken
        );
        var after = await VisitorRouter.DecideAsync(
            inputs.ToFacts(recorded.RequestId, candidate),
            inputs.Presence,
            candidate,
            recorded.CreatedAt,
            _candidateRoundRobin,
            cancellationToken
        );
        _currentRoundRobin.Work.Take(current, before.Target, WorkChannel.Chat, recorded.CreatedAt);
        _candidateRoundRobin.Work.Take(candidate, after.Target, WorkChannel.Chat, recorded.CreatedAt);
        Count(
            recorded.Id,
            "visitor",
            recorded.CreatedAt,
            ReplayOutcome.Of(recorded.MatchedRule, recorded.Target, current),
            ReplayOutcome.Of(before.MatchedRule, before.Target, current),
            ReplayOutcome.Of(after.MatchedRule, after.Target, candidate)
        );
    }

    public async Task ReplayAsync(LeadDecision recorded, CancellationToken cancellationToken)
    {
        _decisions++;
        if (recorded.Inputs is not { } inputs)
        {
            _notReplayable++;
            return;
        }

        Task<LeadFacts> Recorded(CancellationToken _) =>
            inputs.Facts is { } facts ? Task.FromResult(facts) : throw new FactsNotGatheredException();
        try
        {
            var before = await LeadRouter.DecideAsync(
                inputs.Lead,
                current,
                recorded.CreatedAt,
                Recorded,
                _currentRoundRobin,
                cancellationToken
            );
            var after = await LeadRouter.DecideAsync(
                inputs.Lead,
                candidate,
                recorded.CreatedAt,
                Recorded,
                _candidateRoundRobin,
                cancellationToken
            );
            _currentRoundRobin.Work.Take(current, before.Target, WorkChannel.Lead, recorded.CreatedAt);
            _candidateRoundRobin.Work.Take(candidate, after.Target, WorkChannel.Lead, recorded.CreatedAt);
            Count(
                recorded.Id,
                "lead",
                recorded.CreatedAt,
                ReplayOutcome.Of(recorded.MatchedRule, recorded.Target, current, recorded.Sla),
                ReplayOutcome.Of(before.MatchedRule, before.Target, current, before.Sla),
                ReplayOutcome.Of(after.MatchedRule, after.Target, candidate, after.Sla)
            );
        }
        catch (FactsNotGatheredException)
        {
            _notReplayable++;
        }
    }

    public SimulationReport Report()
    {
        var reps = current
            .Reps.Concat(candidate.Reps)
            .Select(r => (r.Id, r.Name))
            .Append((current.AiRep.Id, $"AI rep {current.AiRep.Name}"))
            .DistinctBy(r => r.Id);
        var load = reps.Select(r => (Id: r.Item1, Name: r.Item2, Counts: _load.GetValueOrDefault(r.Item1)))
            .Where(r => r.Id != current.AiRep.Id || r.Counts != default)
            .Select(r => new RepLoad(r.Id, r.Name, r.Counts.Before, r.Counts.After))
            .OrderByDescending(l => Math.Abs(l.After - l.Before))
            .ThenBy(l => l.RepId, StringComparer.Ordinal)
            .ToList();
        return new SimulationReport(
            _decisions,
            _replayed,
            _notReplayable,
            _reproduced,
            _moved,
            Moves(_byRule),
            Moves(_byTarget),
            load,
            [.. _examples]
        );
    }

    private void Count(
        string id,
        string kind,
        DateTimeOffset at,
        ReplayOutcome was,
        ReplayOutcome from,
        ReplayOutcome to
    )
    {
        _replayed++;
        _reproduced += was.SameAs(from) ? 1 : 0;
        AddLoad(from, l => l with { Before = l.Before + 1 });
        AddLoad(to, l => l with { After = l.After + 1 });
        if (from.SameAs(to))
        {
            return;
        }

        _moved++;
        if (from.Rule != to.Rule)
        {
            Increment(_byRule, (from.Rule, to.Rule));
        }

        if (from.Kind != to.Kind || from.RepId != to.RepId)
        {
            Increment(_byTarget, (from.Target, to.Target));
        }

        if (_examples.Count < MaxExamples)
        {
            _examples.Add(new MovedDecision(id, kind, at, from.Rule, from.Target, to.Rule, to.Target));
        }
    }

    private void AddLoad(ReplayOutcome outcome, Func<(int Before, int After), (int Before, int After)> change)
    {
        if (outcome.RepId is { } rep && outcome.Loads(rep))
        {
            _load[rep] = change(_load.GetValueOrDefault(rep));
        }
    }

    private static void Increment(Dictionary<(string, string), int> counts, (string, string) key) =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    private static List<Move> Moves(Dictionary<(string, string), int> counts) =>
        [
            .. counts
                .Select(c => new Move(c.Key.Item1, c.Key.Item2, c.Value))
                .OrderByDescending(m => m.Count)
                .ThenBy(m => m.From, StringComparer.Ordinal)
                .ThenBy(m => m.To, StringComparer.Ordinal),
        ];

    /// <summary>The candidate needs CRM facts the hub never asked for when it decided.</summary>
    private sealed class FactsNotGatheredException : Exception;
}
