namespace IntegrationHub.Sdk.Webhooks;

/// <summary>Something a vendor reports happened, in the hub's terms rather than the vendor's.</summary>
public abstract record VendorEvent;

/// <summary>A prospect was enrolled in a sequence (by the hub or a person); the id is its sequence state's.</summary>
public sealed record SequenceEnrolled(string EnrollmentId) : VendorEvent;

/// <summary>The prospect of an enrolment replied.</summary>
public sealed record SequenceReplied(string EnrollmentId) : VendorEvent;

/// <summary>A sequence ended for its prospect, after <paramref name="ReplyCount"/> replies (0: none).</summary>
public sealed record SequenceFinished(string EnrollmentId, int ReplyCount) : VendorEvent;

/// <summary>
/// A person opted out of being contacted. <paramref name="OccurrenceId"/> tells this report from an
/// earlier one about the same person, so each is acted on once however often it is delivered.
/// </summary>
public sealed record PersonOptedOut(string ProspectId, string OccurrenceId) : VendorEvent;
