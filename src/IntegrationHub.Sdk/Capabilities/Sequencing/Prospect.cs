namespace IntegrationHub.Sdk.Capabilities.Sequencing;

/// <summary>Where a prospect is in one sequence.</summary>
public enum SequenceStateKind
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>Steps are being sent.</summary>
    Active,

    /// <summary>Enrolled, first step not yet due.</summary>
    Pending,

    /// <summary>Paused (by a rep, or an out-of-office reply).</summary>
    Paused,

    /// <summary>Every step done.</summary>
    Finished,

    /// <summary>Ended early (a reply, an opt-out, a bounce).</summary>
    Stopped,
}

/// <summary>A sequencer user; matched to hub reps by email.</summary>
/// <param name="Id">The user's id at the sequencer.</param>
/// <param name="Email">The user's email, which matches a hub rep.</param>
/// <param name="Name">The user's name.</param>
public sealed record SequencingRep(string Id, string Email, string Name);

/// <summary>A prospect's enrolment in one sequence.</summary>
/// <param name="Id">The enrolment's id at the sequencer.</param>
/// <param name="SequenceId">The sequence's id.</param>
/// <param name="SequenceName">The sequence's name.</param>
/// <param name="State">Where the prospect is in it.</param>
/// <param name="Rep">The user whose mailbox sends it.</param>
/// <param name="StateChangedAt">When the state last changed.</param>
/// <param name="ReplyCount">Replies the prospect sent within the sequence.</param>
public sealed record SequenceState(
    string Id,
    string SequenceId,
    string SequenceName,
    SequenceStateKind State,
    SequencingRep? Rep,
    DateTimeOffset? StateChangedAt,
    int ReplyCount
);

/// <summary>A person at the sequencer, with every sequence they are or were in.</summary>
/// <param name="Id">The prospect's id at the sequencer.</param>
/// <param name="Emails">Their email addresses, primary first.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Title">Job title.</param>
/// <param name="Company">Company name.</param>
/// <param name="Owner">The user who owns the prospect.</param>
/// <param name="SequenceStates">Their enrolments, current and past.</param>
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

/// <summary>What a click-through token from a sequence email resolves to.</summary>
/// <param name="Prospect">The prospect who clicked.</param>
/// <param name="SequenceOwner">The user whose sequence sent the email.</param>
/// <param name="SequenceId">The sequence's id.</param>
/// <param name="ClickedAt">When the link was clicked, when known.</param>
public sealed record ClickThrough(
    Prospect Prospect,
    SequencingRep SequenceOwner,
    string SequenceId,
    DateTimeOffset? ClickedAt
);

/// <summary>Enrol a known prospect in a sequence.</summary>
/// <param name="ProspectId">The prospect's id.</param>
/// <param name="SequenceId">The sequence's id.</param>
/// <param name="MailboxId">The mailbox the steps are sent from.</param>
/// <param name="IdempotencyKey">Makes a repeat of the same request return the first enrolment.</param>
public sealed record EnrollmentRequest(string ProspectId, string SequenceId, string MailboxId, string IdempotencyKey);

/// <summary>The enrolment after a request.</summary>
/// <param name="SequenceState">The prospect's state in the sequence.</param>
/// <param name="Created">True when this request enrolled them; false when they already were.</param>
public sealed record Enrollment(SequenceState SequenceState, bool Created);

/// <summary>
/// Enrol a person known by email in a sequence, sent from the mailbox of the rep with
/// <paramref name="OwnerEmail"/>: the prospect is found or created by email first.
/// </summary>
/// <param name="Email">The person's email.</param>
/// <param name="FirstName">First name, for a new prospect.</param>
/// <param name="LastName">Last name, for a new prospect.</param>
/// <param name="Title">Job title, for a new prospect.</param>
/// <param name="Company">Company name, for a new prospect.</param>
/// <param name="SequenceId">The sequence's id.</param>
/// <param name="OwnerEmail">The rep whose mailbox sends the steps.</param>
/// <param name="IdempotencyKey">Makes a repeat of the same request return the first enrolment.</param>
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
