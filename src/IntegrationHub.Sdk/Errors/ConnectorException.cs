namespace IntegrationHub.Sdk.Errors;

/// <summary>
/// The one exception a connector throws for an expected failure. Anything else escaping a
/// connector is treated by the host as a bug (INTERNAL, logged, no detail to the caller).
/// </summary>
public sealed class ConnectorException : Exception
{
    /// <summary>An expected failure of <paramref name="kind"/>, with a message for the operator.</summary>
    public ConnectorException(ConnectorErrorKind kind, string message, Exception? inner = null)
        : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>What went wrong; decides the gRPC status the caller gets.</summary>
    public ConnectorErrorKind Kind { get; }

    /// <summary>The connector or vendor that failed, when known ("Salesforce").</summary>
    public string? Vendor { get; init; }

    /// <summary>A stable machine-readable reason, such as the vendor's error code ("REQUEST_LIMIT_EXCEEDED").</summary>
    public string? Reason { get; init; }

    /// <summary>When the vendor said when to retry (Retry-After and its kin).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The bad fields, for <see cref="ConnectorErrorKind.InvalidArgument"/>.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; init; } = [];

    /// <summary>Bad input, one violation per field (INVALID_ARGUMENT).</summary>
    public static ConnectorException Invalid(params FieldViolation[] violations) =>
        new(
            ConnectorErrorKind.InvalidArgument,
            string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))
        )
        {
            FieldViolations = violations,
        };

    /// <summary>The thing asked for does not exist (NOT_FOUND).</summary>
    public static ConnectorException NotFound(string what) => new(ConnectorErrorKind.NotFound, what);

    /// <summary>The vendor failed or could not be reached (UNAVAILABLE).</summary>
    public static ConnectorException Unavailable(string vendor, string message, Exception? inner = null) =>
        new(ConnectorErrorKind.VendorUnavailable, message, inner) { Vendor = vendor };

    /// <summary>The vendor is throttling (RESOURCE_EXHAUSTED, with when to retry).</summary>
    public static ConnectorException RateLimited(string vendor, string message, TimeSpan? retryAfter) =>
        new(ConnectorErrorKind.RateLimited, message) { Vendor = vendor, RetryAfter = retryAfter };
}
