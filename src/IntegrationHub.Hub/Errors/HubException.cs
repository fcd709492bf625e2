using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Hub.Errors;

/// <summary>
/// The hub's own refusal: no connector was involved, so this is not a
/// <see cref="ConnectorException"/> (which stays what connectors throw). The message is for the
/// caller; <see cref="Reason"/> is the stable machine-readable reason they can branch on.
/// </summary>
public sealed class HubException : Exception
{
    public HubException(HubErrorKind kind, string message, string reason)
        : base(message)
    {
        Kind = kind;
        Reason = reason;
    }

    public HubErrorKind Kind { get; }

    /// <summary>A stable reason, such as "NOT_FOUND" or "CONVERSATION_STATE".</summary>
    public string Reason { get; }

    /// <summary>The fields the caller should change, for <see cref="HubErrorKind.InvalidArgument"/>.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; init; } = [];

    /// <summary>Facts the caller can act on without parsing the message, such as the id of what exists.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();

    public static HubException NotFound(string message) => new(HubErrorKind.NotFound, message, "NOT_FOUND");

    public static HubException Invalid(params FieldViolation[] violations) =>
        new(
            HubErrorKind.InvalidArgument,
            string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")),
            "INVALID_ARGUMENT"
        )
        {
            FieldViolations = violations,
        };

    /// <summary>The request does not fit the thing's state; <paramref name="reason"/> names which state rule.</summary>
    public static HubException FailedPrecondition(string message, string reason = "FAILED_PRECONDITION") =>
        new(HubErrorKind.FailedPrecondition, message, reason);

    public static HubException AlreadyExists(
        string message,
        string reason,
        IReadOnlyDictionary<string, string> metadata
    ) => new(HubErrorKind.AlreadyExists, message, reason) { Metadata = metadata };
}
