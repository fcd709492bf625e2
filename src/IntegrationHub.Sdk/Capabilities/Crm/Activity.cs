namespace IntegrationHub.Sdk.Capabilities.Crm;

public enum ActivityKind
{
    Unspecified,
    Call,
    Email,
    Meeting,
    Task,
}

/// <summary>An activity a user logged on an account or person.</summary>
public sealed record Activity(
    string? Id,
    string SubjectId,
    string UserId,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    string Subject = ""
);

/// <summary>A CRM user: a rep, a manager or a queue.</summary>
public sealed record CrmUser(string Id, string Name, string Email, string? ManagerUserId);
