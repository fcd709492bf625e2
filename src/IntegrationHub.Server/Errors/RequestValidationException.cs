using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Thrown at the gRPC edge when a request is malformed, before anything is written or sent
/// to a vendor. The error interceptor turns it into INVALID_ARGUMENT with field violations.
/// </summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : Exception(string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}")))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;
}
