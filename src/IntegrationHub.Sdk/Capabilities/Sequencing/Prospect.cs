namespace IntegrationHub.Sdk.Capabilities.Sequencing;

public enum SequenceStateKind
{
    Unspecified,
    Active,
    Pending,
    Paused,
    Finished,
    Stopped,
}

/// <summary>A sequencer user; matched to hub reps by email.</summary>
public sealed record SequencingRep(string Id, string Email, string Name);

public sealed record SequenceState(
    string Id,
    string SequenceId,
    string SequenceName,
    SequenceStateKind State,
    SequencingRep? Rep,
    DateTimeOffset? StateChangedAt,
    int ReplyCount
);

public sealed record Prospect(
    string Id,
    IReadOnlyList<string> Emails,
    string FirstName,
    string LastName,
    string Title,
    string Company,
    SequencingRep? Owner,
    IReadOnlyList<SequenceState> SequenceStates
);

public sealed record ClickThrough(
    Prospect Prospect,
    SequencingRep SequenceOwner,
    string SequenceId,
    DateTimeOffset? ClickedAt
);

public sealed record EnrollmentRequest(string ProspectId, string SequenceId, string MailboxId, string IdempotencyKey);

public sealed record Enrollment(SequenceState SequenceState, bool Created);

/// <summary>
/// Enrol a person known by email in a sequence, sent from the mailbox of the rep with
/// <paramref name="OwnerEmail"/>: the prospect is found or created by email first.
/// </summary>
public sealed record PersonEnrollment(
    string Email,
    string FirstName,
    string LastName,
    string Title,
    string Company,
    string SequenceId,
    string OwnerEmail,
    string IdempotencyKey
);
