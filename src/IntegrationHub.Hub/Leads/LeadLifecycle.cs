using System.Text.Json;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Timers;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Storage.Leads;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// The lead status lifecycle driven by sequencing (DOMAIN.md): enrolled → Accepted, replied →
/// Qualifying, finished without a reply → Unresponsive after a wait (7 days by default, on a
/// durable timer), person inactive → running sequences finished. Statuses only move forward,
/// so a late or repeated event changes nothing, and every change reaches the CRM through the
/// outbox.
/// </summary>
public sealed partial class LeadLifecycle(
    LeadEnrollmentStore enrollments,
    ScheduleStore schedule,
    OutboxStore outbox,
    PolicyProvider policies,
    LeadReassignment sla,
    TimeProvider time,
    ILogger<LeadLifecycle> logger
) : IDurableTimerHandler
{
    public const string UnresponsiveKind = "lead_unresponsive";

    private static readonly string[] BeforeAccepted = [nameof(LeadStatus.Mql), nameof(LeadStatus.Open)];
    private static readonly string[] BeforeQualifying =
    [
        nameof(LeadStatus.Mql),
        nameof(LeadStatus.Open),
        nameof(LeadStatus.Accepted),
        nameof(LeadStatus.Unresponsive),
    ];
    private static readonly string[] StillWaiting =
    [
        nameof(LeadStatus.Mql),
        nameof(LeadStatus.Open),
        nameof(LeadStatus.Accepted),
    ];

    public string Kind => UnresponsiveKind;

    public async Task EnrolledAsync(
        string enrollmentId,
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    )
    {
        await enrollments.LinkAsync(
            enrollmentId,
            externalId,
            DecisionJson.Serialize(lead),
            lead.Status.ToString(),
            cancellationToken
        );
        await MoveAsync(enrollmentId, BeforeAccepted, LeadStatus.Accepted, cancellationToken);
    }

    /// <summary>The sequencer reported an enrolment (it may be reported before or after the hub records it).</summary>
    public Task<bool> EnrolledAsync(string enrollmentId, CancellationToken cancellationToken) =>
        MoveAsync(enrollmentId, BeforeAccepted, LeadStatus.Accepted, cancellationToken);

    public async Task<bool> RepliedAsync(string enrollmentId, CancellationToken cancellationToken)
    {
        await schedule.CancelAsync(TimerKey(enrollmentId), cancellationToken);
        return await MoveAsync(enrollmentId, BeforeQualifying, LeadStatus.Qualifying, cancellationToken);
    }

    public async Task<bool> FinishedAsync(string enrollmentId, int replyCount, CancellationToken cancellationToken)
    {
        if (replyCount > 0)
        {
            return await RepliedAsync(enrollmentId, cancellationToken);
        }

        if (
            await enrollments.GetAsync(enrollmentId, cancellationToken) is not { } known
            || !StillWaiting.Contains(known.Status)
        )
        {
            return false;
        }

        var due = time.GetUtcNow() + policies.Current.Leads.UnresponsiveAfter;
        await schedule.ScheduleAsync(
            new ScheduledWork(TimerKey(enrollmentId), UnresponsiveKind, enrollmentId, due),
            cancellationToken
        );
        LogUnresponsiveScheduled(logger, enrollmentId, due);
        return true;
    }

    /// <summary>A person marked inactive: their running sequences are finished, through the outbox.</summary>
    public Task InactiveAsync(string prospectId, string eventId, CancellationToken cancellationToken) =>
        outbox.EnqueueAsync(
            [
                new NewEffect(
                    FinishSequences.Type,
                    $"inactive/{prospectId}/{eventId}",
                    DecisionJson.Serialize(new FinishSequences(prospectId))
                ),
            ],
            cancellationToken
        );

    /// <summary>The wait after a sequence finished without a reply is over.</summary>
    public Task OnDueAsync(string payload, CancellationToken cancellationToken) =>
        MoveAsync(payload, StillWaiting, LeadStatus.Unresponsive, cancellationToken);

    private async Task<bool> MoveAsync(
        string enrollmentId,
        string[] from,
        LeadStatus to,
        CancellationToken cancellationToken
    )
    {
        string? externalId = null;
        var moved = await enrollments.TryAdvanceAsync(
            enrollmentId,
            from,
            to.ToString(),
            e =>
            {
                externalId = e.ExternalId;
                var lead = JsonSerializer.Deserialize<LeadFields>(e.Lead, DecisionJson.Json)! with { Status = to };
                return new NewEffect(
                    LeadStatusChange.Type,
                    $"lifecycle/{enrollmentId}/{to}",
                    DecisionJson.Serialize(new LeadStatusChange(e.ExternalId, lead))
                );
            },
            cancellationToken
        );
        if (moved)
        {
            LogMoved(logger, enrollmentId, to);
            if (externalId is not null)
            {
                // A move the policy counts as accepting the lead (a reply → Qualifying) ends its SLA.
                await sla.LeadMovedAsync(externalId, to, cancellationToken);
            }
        }

        return moved;
    }

    private static string TimerKey(string enrollmentId) => "lead-unresponsive/" + enrollmentId;

    [LoggerMessage(Level = LogLevel.Information, Message = "Lead of enrolment {EnrollmentId} moved to {Status}")]
    private static partial void LogMoved(ILogger logger, string enrollmentId, LeadStatus status);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Sequence of enrolment {EnrollmentId} finished without a reply; Unresponsive at {Due} unless a "
            + "reply comes"
    )]
    private static partial void LogUnresponsiveScheduled(ILogger logger, string enrollmentId, DateTimeOffset due);
}
