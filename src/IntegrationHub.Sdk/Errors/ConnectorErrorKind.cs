namespace IntegrationHub.Sdk.Errors;

/// <summary>
/// What went wrong, in terms a caller can act on. The host maps each kind to one gRPC status
/// (InvalidArgument → INVALID_ARGUMENT, RateLimited → RESOURCE_EXHAUSTED with RetryInfo, …).
/// </summary>
public enum ConnectorErrorKind
{
    /// <summary>The request was malformed; nothing was sent to the vendor.</summary>
    InvalidArgument,

    /// <summary>The thing asked for does not exist at the vendor.</summary>
    NotFound,

    /// <summary>The vendor refused the request as a conflict (duplicate, converted lead).</summary>
    Conflict,

    /// <summary>The request cannot be done in the thing's current state.</summary>
    FailedPrecondition,

    /// <summary>The vendor is throttling; retrying after RetryAfter may succeed.</summary>
    RateLimited,

    /// <summary>A quota is spent (daily limit, credits); retrying soon will not help.</summary>
    QuotaExhausted,

    /// <summary>The hub's credentials for the vendor are wrong or expired beyond refresh.</summary>
    VendorAuthentication,

    /// <summary>The vendor is down, timing out, or the circuit to it is open.</summary>
    VendorUnavailable,

    /// <summary>The vendor answered something the connector does not understand.</summary>
    VendorProtocol,
}
