using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Sdk.Capabilities.Sequencing;

/// <summary>The sales-engagement sequencer (Outreach-like).</summary>
public interface ISequencingConnector : ICapabilityConnector
{
    /// <summary>The prospect with this email, with its sequence states, or null.</summary>
    Task<Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>Every sequence state of a prospect.</summary>
    Task<IReadOnlyList<SequenceState>> ListSequenceStatesAsync(string prospectId, CancellationToken cancellationToken);

    /// <summary>The prospect and sequence owner behind a click-through token, or null for an unknown token.</summary>
    Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken);

    /// <summary>Enrols a prospect in a sequence; a repeat with the same key does not enrol twice.</summary>
    Task<Enrollment> EnrollProspectAsync(EnrollmentRequest request, CancellationToken cancellationToken);

    /// <summary>Finishes every running sequence state of a prospect; returns how many.</summary>
    Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken);

    /// <summary>
    /// Finds or creates the prospect by email (one prospect per email, safe to repeat), finds
    /// the owner's mailbox, and enrols the prospect; a repeat does not enrol twice. Throws
    /// NotFound when the owner has no mailbox. Added in SDK 1.1: connectors built before it
    /// inherit this default, which refuses, so lead routing records the enrolment as failed.
    /// </summary>
    Task<Enrollment> EnrollPersonAsync(PersonEnrollment request, CancellationToken cancellationToken) =>
        throw new ConnectorException(
            ConnectorErrorKind.FailedPrecondition,
            $"The {GetType().Name} connector cannot enrol a person by email."
        )
        {
            Vendor = GetType().Name,
        };
}
