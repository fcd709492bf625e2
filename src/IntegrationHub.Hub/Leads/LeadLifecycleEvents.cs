using IntegrationHub.Sdk.Webhooks;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// What the vendor events of a verified webhook delivery do to leads: each moves the lead
/// lifecycle, and an event the lifecycle does not act on changes nothing.
/// </summary>
public sealed class LeadLifecycleEvents(LeadLifecycle lifecycle)
{
    /// <summary>Applies the events in order; true when any of them changed something.</summary>
    public async Task<bool> ApplyAsync(IReadOnlyList<VendorEvent> events, CancellationToken cancellationToken)
    {
        var applied = false;
        foreach (var e in events)
        {
            applied |= await ApplyAsync(e, cancellationToken);
        }

        return applied;
    }

    private async Task<bool> ApplyAsync(VendorEvent e, CancellationToken cancellationToken)
    {
        switch (e)
        {
            case SequenceEnrolled enrolled:
                return await lifecycle.EnrolledAsync(enrolled.EnrollmentId, cancellationToken);
            case SequenceReplied replied:
                return await lifecycle.RepliedAsync(replied.EnrollmentId, cancellationToken);
            case SequenceFinished finished:
                return await lifecycle.FinishedAsync(finished.EnrollmentId, finished.ReplyCount, cancellationToken);
            case PersonOptedOut optedOut:
                await lifecycle.InactiveAsync(optedOut.ProspectId, optedOut.OccurrenceId, cancellationToken);
                return true;
            default:
                return false;
        }
    }
}
