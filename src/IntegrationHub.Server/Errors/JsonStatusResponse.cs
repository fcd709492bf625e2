using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Answers a JSON caller of a transcoded RPC with a <c>google.rpc.Status</c> body, as JSON transcoding writes the
/// statuses of the services themselves (<c>{"code":…,"message":…,"details":[{"@type":…}]}</c>), for refusals
/// decided before a service runs: no credentials, a missing scope, a body over the limit.
/// </summary>
public static class JsonStatusResponse
{
    private static readonly JsonFormatter Formatter = new(
        JsonFormatter.Settings.Default.WithTypeRegistry(
            TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor, RetryInfo.Descriptor)
        )
    );

    public static Task WriteAsync(HttpContext context, int httpStatus, Google.Rpc.Status status)
    {
        context.Response.StatusCode = httpStatus;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(Formatter.Format(status), context.RequestAborted);
    }
}
