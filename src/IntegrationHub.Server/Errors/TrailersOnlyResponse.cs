using Google.Protobuf;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Ends a gRPC call with a status and no message, as a gRPC server does ("trailers-only"), for
/// refusals decided before a service method runs (authentication and scopes; request-body faults are answered by gRPC
/// from GrpcRequestFraming).
/// </summary>
public static class TrailersOnlyResponse
{
    public static Task WriteAsync(HttpContext context, Google.Rpc.Status status)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = status.Code.ToString(
            System.Globalization.CultureInfo.InvariantCulture
        );
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(status.Message);
        context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return context.Response.CompleteAsync();
    }
}
