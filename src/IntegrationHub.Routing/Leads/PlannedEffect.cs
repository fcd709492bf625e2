using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>
/// A side effect a decision causes, to be written to the outbox with the decision and
/// delivered at least once; the idempotency key makes a repeat harmless at the vendor.
/// </summary>
public abstract record PlannedEffect(string Type, string IdempotencyKey);

/// <summary>Create or update the lead in the CRM, keyed by the lead's external id.</summary>
public sealed record UpsertLeadEffect(string IdempotencyKey, string ExternalId, LeadFields Lead)
    : PlannedEffect(EffectTypes.UpsertLead, IdempotencyKey);

/// <summary>Convert the lead (found by its external id) into a contact on the account.</summary>
public sealed record ConvertLeadEffect(string IdempotencyKey, string ExternalId, LeadFields Lead, string AccountId)
    : PlannedEffect(EffectTypes.ConvertLead, IdempotencyKey);

/// <summary>
/// Enrol the person in a sequence on the owner's mailbox; <paramref name="ExternalId"/> is the lead's CRM key, for the
/// lifecycle that follows.
/// </summary>
public sealed record EnrollEffect(
    string IdempotencyKey,
    string ExternalId,
    LeadFields Lead,
    string SequenceId,
    string OwnerEmail
) : PlannedEffect(EffectTypes.Enroll, IdempotencyKey);

/// <summary>Alert a rep or user on their alert stream.</summary>
public sealed record NotifyEffect(string IdempotencyKey, string RecipientId, string Reason, string Message)
    : PlannedEffect(EffectTypes.Notify, IdempotencyKey);

public static class EffectTypes
{
    public const string UpsertLead = "crm.upsert_lead";
    public const string ConvertLead = "crm.convert_lead";
    public const string Enroll = "sequencing.enroll";
    public const string Notify = "hub.notify";
}
