using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Turns the hub's expected failures into the gRPC rich error model: a status code the
/// caller can act on, ErrorInfo with a stable reason, BadRequest field violations for bad
/// input and RetryInfo when waiting helps.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "integrationhub";

    public static RpcException InvalidRequest(IReadOnlyList<FieldViolation> violations) =>
        InvalidRequestStatus(violations).ToRpcException();

    /// <summary>The status of <see cref="InvalidRequest"/>, for code that answers outside a service method.</summary>
    public static Google.Rpc.Status InvalidRequestStatus(IReadOnlyList<FieldViolation> violations) =>
        BuildStatus(
            Code.InvalidArgument,
            "The request is invalid: " + string.Join("; ", violations.Select(v => $"{v.Field} {v.Description}".Trim())),
            "INVALID_REQUEST",
            vendor: null,
            retryAfter: null,
            violations
        );

    public static RpcException FromConnector(ConnectorException error)
    {
        var code = error.Kind switch
        {
            ConnectorErrorKind.InvalidArgument => Code.InvalidArgument,
            ConnectorErrorKind.NotFound => Code.NotFound,
            ConnectorErrorKind.Conflict => Code.AlreadyExists,
            ConnectorErrorKind.FailedPrecondition => Code.FailedPrecondition,
            ConnectorErrorKind.RateLimited => Code.ResourceExhausted,
            ConnectorErrorKind.QuotaExhausted => Code.ResourceExhausted,
            ConnectorErrorKind.VendorAuthentication => Code.Unavailable,
            ConnectorErrorKind.VendorUnavailable => Code.Unavailable,
            ConnectorErrorKind.VendorProtocol => Code.Unavailable,
            _ => Code.Unknown,
        };
        var reason = error.Reason ?? ReasonOf(error.Kind);
        return Build(code, error.Message, reason, error.Vendor, error.RetryAfter, error.FieldViolations);
    }

    /// <summary>The hub's own refusal: the status its kind names, its reason, and no vendor.</summary>
    public static RpcException FromHub(HubException error)
    {
        var code = error.Kind switch
        {
            HubErrorKind.InvalidArgument => Code.InvalidArgument,
            HubErrorKind.NotFound => Code.NotFound,
            HubErrorKind.FailedPrecondition => Code.FailedPrecondition,
            HubErrorKind.AlreadyExists => Code.AlreadyExists,
            _ => Code.Unknown,
        };
        var status = BuildStatus(
            code,
            error.Message,
            error.Reason,
            vendor: null,
            retryAfter: null,
            error.FieldViolations
        );
        var info = status.Details[0].Unpack<ErrorInfo>();
        info.Metadata.Add(error.Metadata.ToDictionary());
        status.Details[0] = Any.Pack(info);
        return status.ToRpcException();
    }

    /// <summary>The canonical name of a status code, as gRPC spells it ("INVALID_ARGUMENT").</summary>
    public static string CodeName(StatusCode code) =>
        System.Text.RegularExpressions.Regex.Replace(code.ToString(), "(?<=[a-z])(?=[A-Z])", "_").ToUpperInvariant();

    /// <summary>
    /// The caller went over one of its own limits (not a vendor's): RESOURCE_EXHAUSTED, with RetryInfo when waiting
    /// helps.
    /// </summary>
    public static RpcException CallerLimited(string message, string reason, TimeSpan? retryAfter) =>
        Build(Code.ResourceExhausted, message, reason, vendor: null, retryAfter, []);

    public static RpcException Internal(string traceId) =>
        Build(
            Code.Internal,
            $"The hub failed unexpectedly; report trace id {traceId}.",
            "INTERNAL",
            vendor: null,
            retryAfter: null,
            []
        );

    private static string ReasonOf(ConnectorErrorKind kind) =>
        kind switch
        {
            ConnectorErrorKind.QuotaExhausted => "VENDOR_QUOTA_EXHAUSTED",
            ConnectorErrorKind.RateLimited => "VENDOR_RATE_LIMITED",
            ConnectorErrorKind.VendorAuthentication => "VENDOR_AUTHENTICATION_FAILED",
            ConnectorErrorKind.VendorUnavailable => "VENDOR_UNAVAILABLE",
            ConnectorErrorKind.VendorProtocol => "VENDOR_PROTOCOL_ERROR",
            ConnectorErrorKind.NotFound => "NOT_FOUND",
            ConnectorErrorKind.Conflict => "CONFLICT",
            ConnectorErrorKind.FailedPrecondition => "FAILED_PRECONDITION",
            _ => "INVALID_ARGUMENT",
        };

    private static RpcException Build(
        Code code,
        string message,
        string reason,
        string? vendor,
        TimeSpan? retryAfter,
        IReadOnlyList<FieldViolation> violations
    ) => BuildStatus(code, message, reason, vendor, retryAfter, violations).ToRpcException();

    public static Google.Rpc.Status BuildStatus(
        Code code,
        string message,
        string reason,
        string? vendor,
        TimeSpan? retryAfter,
        IReadOnlyList<FieldViolation> violations
    )
    {
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        if (vendor is not null)
        {
            info.Metadata["vendor"] = vendor;
        }

        var status = new Google.Rpc.Status
        {
            Code = (int)code,
            Message = message,
            Details = { Any.Pack(info) },
        };
        if (violations.Count > 0)
        {
            var badRequest = new BadRequest();
            badRequest.FieldViolations.AddRange(
                violations.Select(v => new BadRequest.Types.FieldViolation
                {
                    Field = v.Field,
                    Description = v.Description,
                })
            );
            status.Details.Add(Any.Pack(badRequest));
        }

        if (retryAfter is { } wait)
        {
            status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(wait) }));
        }

        return status;
    }
}
