using IntegrationHub.Routing.Facts;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>What the CRM says around a lead: its account and hierarchy, related people, recent activity.</summary>
public sealed record LeadFacts(
    LeadSubmission Lead,
    Sourced<Account> Account,
    string? MatchedBy,
    Sourced<IReadOnlyList<Account>> Hierarchy,
    Sourced<IReadOnlyList<Person>> Related,
    Sourced<IReadOnlyList<Activity>> AccountActivity,
    Sourced<CrmUser> Bdr
)
{
    /// <summary>Who the reps' calendars say is away; not asked unless the policy counts calendar events.</summary>
    public Sourced<RepAbsences> Calendar { get; init; } = CalendarLookup.NotAsked;

    public IReadOnlyList<SourceReport> Reports =>
        CalendarLookup.With(
            [Account.Report, Hierarchy.Report, Related.Report, AccountActivity.Report, Bdr.Report],
            Calendar
        );

    public bool Degraded => Reports.Any(r => r.Status is SourceStatus.Failed or SourceStatus.TimedOut);

    /// <summary>The whole hierarchy takes the largest segment of any member.</summary>
    public AccountSegment HierarchySegment =>
        (Hierarchy.Value ?? [])
            .Select(a => a.Segment)
            .Append(Account.Value?.Segment ?? AccountSegment.Unspecified)
            .Max();

    /// <summary>Total CARR of the hierarchy (the account alone when no hierarchy is known).</summary>
    public long HierarchyCarrCents =>
        Hierarchy.Value is { Count: > 0 } members
            ? members.Sum(a => a.TotalCarrCents)
            : Account.Value?.TotalCarrCents ?? 0;

    public bool HierarchyPaid => (Hierarchy.Value ?? []).Any(a => a.PaidTier) || Account.Value?.PaidTier == true;
}
