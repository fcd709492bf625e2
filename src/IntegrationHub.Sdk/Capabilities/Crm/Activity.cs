namespace IntegrationHub.Sdk.Capabilities.Crm;

/// <summary>What kind of activity a user logged.</summary>
public enum ActivityKind
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>A call.</summary>
    Call,

    /// <summary>An email.</summary>
    Email,

    /// <summary>A meeting.</summary>
    Meeting,

    /// <summary>A task.</summary>
    Task,
}

/// <summary>An activity a user logged on an account or person.</summary>
/// <param name="Id">The activity's id at the CRM; null before it is written.</param>
/// <param name="SubjectId">The account or person it is about.</param>
/// <param name="UserId">The user who logged it.</param>
/// <param name="Kind">Call, email, meeting or task.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Subject">Its subject line.</param>
public sealed record Activity(
    string? Id,
    string SubjectId,
    string UserId,
    ActivityKind Kind,
    DateTimeOffset OccurredAt,
    string Subject = ""
);

/// <summary>A CRM user: a rep, a manager or a queue.</summary>
/// <param name="Id">The user's id at the CRM.</param>
/// <param name="Name">Their name.</param>
/// <param name="Email">Their email, which matches a hub rep.</param>
/// <param name="ManagerUserId">Their manager.</param>
public sealed record CrmUser(string Id, string Name, string Email, string? ManagerUserId);
