using Google.Rpc;
using IntegrationHub.Server.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace IntegrationHub.Server.Security;

/// <summary>
/// Answers a gRPC call that failed authentication or authorization with a proper gRPC status —
/// UNAUTHENTICATED or PERMISSION_DENIED with ErrorInfo — instead of a bare HTTP 401/403, before
/// the service runs, so nothing is written or sent. A JSON caller of a transcoded RPC gets the same status as its
/// body, with HTTP 401 or 403, as the OpenAPI document describes it.
/// </summary>
public sealed class GrpcAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _http = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult
    )
    {
        var grpc = context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;
        var rpc = context.GetEndpoint()?.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>() is not null;
        if (authorizeResult.Succeeded || (!grpc && !rpc))
        {
            await _http.HandleAsync(next, context, policy, authorizeResult);
            return;
        }

        var forbidden = authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true;
        var status = forbidden
            ? Status(
                Code.PermissionDenied,
                $"The caller does not hold the scope this call needs ({string.Join(", ", ScopesOf(policy))}).",
                "MISSING_SCOPE"
            )
            : Status(
                Code.Unauthenticated,
                "The call needs credentials: an x-api-key header or an Authorization: Bearer token.",
                "UNAUTHENTICATED"
            );
        if (grpc)
        {
            await TrailersOnlyResponse.WriteAsync(context, status);
        }
        else
        {
            await JsonStatusResponse.WriteAsync(
                context,
                forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
                status
            );
        }
    }

    private static IEnumerable<string> ScopesOf(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<ScopeRequirement>().Select(r => r.Scope).DefaultIfEmpty("an authenticated caller");

    private static Google.Rpc.Status Status(Code code, string message, string reason) =>
        RpcErrors.BuildStatus(code, message, reason, vendor: null, retryAfter: null, []);
}
