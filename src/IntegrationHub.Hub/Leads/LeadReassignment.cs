using System.Text.Json;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Hub.Timers;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// The lead SLA at its deadline, the one place a lead is reassigned. The timer is claimed in the database, so one
/// instance fires it; the reassignment is a decision of its own with a request id fixed by the original decision, so
/// even a timer fired twice (a lease that ran out mid-check) reassigns once. Before reassigning, the CRM is asked
/// again — a lead its owner took while no signal reached the hub stays — and when the CRM cannot be asked, the check
/// is tried again later rather than reassigning blindly.
/// </summary>
public sealed partial class LeadReassignment(
    ICrmConnector crm,
    DecisionWriter writer,
    DecisionStore decisions,
    ScheduleStore schedule,
    PolicyProvider policies,
    RoutingEvents.RoutingEventFactory events,
    TimeProvider time,
    ILogger<LeadReassignment> logger
) : IDurableTimerHandler
{
    /// <summary>After this many checks the CRM could not answer, the SLA is given up (logged as an error).</summary>
    public const int MaxDeferrals = 24;

    public string Kind => LeadSlaTimer.Kind;

    /// <summary>
    /// The lifecycle moved the lead to <paramref name="status"/> (a reply made it Qualifying): if the policy counts
    /// that as accepting, the owner is working the lead and the SLA is cancelled.
    /// </summary>
    public async Task LeadMovedAsync(string leadKey, LeadStatus status, CancellationToken cancellationToken)
    {
        if (
            policies.Current.Leads.Sla.AcceptedStatuses.Contains(status)
            && await schedule.CancelAllAsync(LeadSlaTimer.KeysOf(leadKey), cancellationToken) > 0
        )
        {
            LeadSlaMetrics.Ended("cancelled");
            LogCancelled(logger, leadKey, status);
        }
    }

    public async Task OnDueAsync(string payload, CancellationToken cancellationToken)
    {
        var due = JsonSerializer.Deserialize<LeadSlaDue>(payload, DecisionJson.Json)
            ?? throw new InvalidOperationException("an SLA timer without its payload");
        if (
            await decisions.GetByRequestAsync(LeadSlaTimer.DecisionKind, due.ReassignmentRequestId, cancellationToken)
            is not null
        )
        {
            // Fired again after the reassignment was made (a lease that ran out mid-check): nothing left to do.
            return;
        }

        var policy = policies.Current;
        Person lead;
        string? manager;
        try
        {
            var people = await crm.FindPeopleAsync(
                new PeopleQuery(Email: due.Email, Kind: PersonKind.Lead),
                cancellationToken
            );
            lead = people.FirstOrDefault(p => p.ExternalId == due.LeadKey)
                ?? people.FirstOrDefault()
                ?? throw new ConnectorException(
                    ConnectorErrorKind.NotFound,
                    "the CRM has no such lead yet (its write is still queued)"
                );
            var acted = policy.Leads.Sla.OwnerActivity
                ? (await crm.ListActivitiesAsync(lead.Id, due.DecidedAt, cancellationToken))
                    .Where(a => a.UserId == due.Sla.OwnerId && a.OccurredAt >= due.DecidedAt)
                    .Max(a => (DateTimeOffset?)a.OccurredAt)
                : null;
            if (LeadSlaReassignment.WhyKept(due, lead, acted, policy.Leads.Sla) is { } kept)
            {
                LeadSlaMetrics.Ended("kept");
                LogKept(logger, due.DecisionId, kept);
                return;
            }

            manager = (await crm.GetUserAsync(due.Sla.OwnerId, cancellationToken))?.ManagerUserId;
        }
        catch (Exception ex) when (ex is ConnectorException or TimeoutException or HttpRequestException)
        {
            Defer(due, policy.Leads.Sla.RetryMinutes, ex.Message);
            return;
        }

        LeadDecision? made = null;
        var outcome = await writer.CommitAsync(
            LeadSlaTimer.DecisionKind,
            due.ReassignmentRequestId,
            async (ledger, ct) =>
            {
                made = await LeadSlaReassignment.DecideAsync(
                    due,
                    lead,
                    manager,
                    policy,
                    time.GetUtcNow(),
                    new LedgerRoundRobin(ledger),
                    ct
                );
                // The new owner's lead counts toward their caps, in the reassignment's own transaction.
                await Caps.WorkCounts.TakeAsync(
                    ledger.Work,
                    policy,
                    made.Target,
                    Routing.Policy.WorkChannel.Lead,
                    time.GetUtcNow(),
                    ct
                );
                var stored = made.ToStored("") with { Kind = LeadSlaTimer.DecisionKind, RequestFingerprint = null };
                // Subscribers hear of the reassignment in its own transaction: no event without it, none lost.
                var reassigned = new RoutingEvents.LeadReassignment(
                    made.Id,
                    due.Sla.OwnerId,
                    made.Target.RepId ?? "",
                    LeadSla.RuleName,
                    $"not accepted within the lead SLA of {due.Sla.Minutes} min (decision {due.DecisionId})"
                );
                return new DecisionWrite(
                    stored,
                    made.ToOutbox(time.GetUtcNow()),
                    Events: [events.LeadReassigned(reassigned)],
                    Counts: Decisions.DecisionTally.Of(made)
                );
            },
            cancellationToken
        );
        if (!outcome.Recorded || made is null)
        {
            return;
        }

        LeadSlaMetrics.Ended(made.Target.RepId == due.Sla.OwnerId ? "no_other_rep" : "reassigned");
        HubMetrics.Decided(LeadSlaTimer.DecisionKind, made.MatchedRule, made.Target, made.Explanation);
        LogReassigned(logger, due.DecisionId, made.Id, made.Target.RepId);
    }

    /// <summary>The CRM could not be asked: the timer comes due again later, the attempt recorded in it.</summary>
    private void Defer(LeadSlaDue due, int retryMinutes, string why)
    {
        if (due.Deferred.Count >= MaxDeferrals)
        {
            LeadSlaMetrics.Ended("abandoned");
            LogAbandoned(logger, due.DecisionId, due.Deferred.Count, why);
            return;
        }

        var now = time.GetUtcNow();
        var at = now.AddMinutes(retryMinutes);
        var again = due with
        {
            Deferred = [.. due.Deferred, $"{now:u}: the CRM could not be asked ({why}); " + $"checked again at {at:u}"],
        };
        LeadSlaMetrics.Ended("deferred");
        throw new DurableTimerRetry(
            at,
            DecisionJson.Serialize(again),
            $"SLA of decision {due.DecisionId} not checked: the CRM could not be asked ({why}); not reassigned"
        );
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead SLA of decision {DecisionId} met: {Why}")]
    private static partial void LogKept(ILogger logger, string decisionId, string why);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Lead SLA of lead {LeadKey} cancelled: it moved to {Status}"
    )]
    private static partial void LogCancelled(ILogger logger, string leadKey, LeadStatus status);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Lead of decision {DecisionId} not accepted in time; reassigned by decision {Reassignment} to {RepId}"
    )]
    private static partial void LogReassigned(ILogger logger, string decisionId, string reassignment, string? repId);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Lead SLA of decision {DecisionId} given up after {Checks} checks the CRM could not answer: {Why}"
    )]
    private static partial void LogAbandoned(ILogger logger, string decisionId, int checks, string why);
}
