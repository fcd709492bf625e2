namespace IntegrationHub.Hub.Errors;

/// <summary>
/// Why the hub itself refused a request, as opposed to a vendor failing behind a connector
/// (that is <see cref="IntegrationHub.Sdk.Errors.ConnectorErrorKind"/>). The edge maps each kind
/// to one gRPC status.
/// </summary>
public enum HubErrorKind
{
    /// <summary>A value the caller sent cannot be used here (a slot that was not offered).</summary>
    InvalidArgument,

    /// <summary>The hub has no such thing (decision, conversation, rep, API key, side effect).</summary>
    NotFound,

    /// <summary>The thing exists but its current state does not allow the request.</summary>
    FailedPrecondition,

    /// <summary>The thing the request would create exists already (a request id used for another request).</summary>
    AlreadyExists,
}
