using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Policy;

/// <summary>
/// The lead SLA (<c>leads.sla</c>): how long the owner of a routed lead has to accept it before the hub gives it to
/// the next rep of the round robin it came from (or of the lead's SDR team), and what counts as accepting.
/// </summary>
public sealed record LeadSlaPolicy
{
    /// <summary>Minutes the owner of a lead routed to a rep has to accept it; 0 (the default) means no SLA.</summary>
    public int Minutes { get; init; }

    /// <summary>
    /// Minutes by the rule that chose the owner (<c>matched_rule</c>), instead of <see cref="Minutes"/>; 0 turns the
    /// SLA off for that rule.
    /// </summary>
    public IReadOnlyDictionary<string, int> ByRule { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// CRM lead statuses that mean the owner took the lead. Accepted is not among the defaults: the hub sets it itself
    /// when it enrols the lead in a sequence, so it says nothing about the rep.
    /// </summary>
    public IReadOnlyList<LeadStatus> AcceptedStatuses { get; init; } = [LeadStatus.Qualifying, LeadStatus.Converted];

    /// <summary>Whether an activity the owner logged on the lead since the decision counts as accepting it.</summary>
    public bool OwnerActivity { get; init; } = true;

    /// <summary>When the CRM cannot be asked at the deadline, the check is tried this many minutes later.</summary>
    public int RetryMinutes { get; init; } = 5;

    /// <summary>The SLA for a lead whose owner <paramref name="rule"/> chose; null when there is none.</summary>
    public int? MinutesFor(string? rule) =>
        (rule is not null && ByRule.TryGetValue(rule, out var minutes) ? minutes : Minutes) switch
        {
            > 0 and var m => m,
            _ => null,
        };
}
