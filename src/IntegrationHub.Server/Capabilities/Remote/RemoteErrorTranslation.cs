using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>
/// A remote connector's gRPC failure, read back into the connector error it stands for, so a
/// remote connector fails exactly like an in-process one (same kinds, field violations, retry time).
/// </summary>
internal static class RemoteErrorTranslation
{
    public static ConnectorException Translate(string vendor, RpcException ex)
    {
        var status = ex.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var kind = ex.StatusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.OutOfRange => ConnectorErrorKind.InvalidArgument,
            StatusCode.NotFound => ConnectorErrorKind.NotFound,
            StatusCode.AlreadyExists or StatusCode.Aborted => ConnectorErrorKind.Conflict,
            StatusCode.FailedPrecondition => ConnectorErrorKind.FailedPrecondition,
            StatusCode.ResourceExhausted
                when info?.Reason is { } reason && reason.Contains("QUOTA", StringComparison.Ordinal) =>
                ConnectorErrorKind.QuotaExhausted,
            StatusCode.ResourceExhausted => ConnectorErrorKind.RateLimited,
            StatusCode.Unauthenticated or StatusCode.PermissionDenied => ConnectorErrorKind.VendorAuthentication,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled =>
                ConnectorErrorKind.VendorUnavailable,
            // The client could not reach it at all (refused connection, failed TLS handshake): the connector is
            // unavailable.
            StatusCode.Internal when ex.InnerException is HttpRequestException or IOException =>
                ConnectorErrorKind.VendorUnavailable,
            _ => ConnectorErrorKind.VendorProtocol,
        };
        var violations = status
            ?.GetDetail<BadRequest>()
            ?.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description))
            .ToList()
            ?? [];
        var retry = status?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
        return new ConnectorException(kind, $"remote connector {vendor}: {ex.Status.Detail}", ex)
        {
            Vendor = info?.Metadata.TryGetValue("vendor", out var v) == true ? v : vendor,
            Reason = info?.Reason,
            RetryAfter = retry,
            FieldViolations = violations,
        };
    }
}
