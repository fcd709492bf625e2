using System.Diagnostics;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// The one place exceptions become gRPC statuses. Callers get a code they can act on and a
/// message without internals; a bug is logged with its trace id and reported as INTERNAL.
/// </summary>
public sealed partial class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation
    )
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context, request as IMessage);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation
    )
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Translate(ex, context, request as IMessage);
        }
    }

    private RpcException Translate(Exception ex, ServerCallContext context, IMessage? request)
    {
        switch (ex)
        {
            // A JSON caller (transcoding: no gRPC content type) named its fields in JSON; the violations do too.
            case RequestValidationException invalid
                when request is not null
                    && context
                        .GetHttpContext()
                        .Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true:
                return RpcErrors.InvalidRequest(JsonFieldPaths.Of(request.Descriptor, invalid.Violations));
            case RequestValidationException invalid:
                return RpcErrors.InvalidRequest(invalid.Violations);
            case HubException refusal:
                LogRefused(logger, context.Method, refusal.Kind, refusal.Reason);
                return RpcErrors.FromHub(refusal);
            case ConnectorException connector:
                LogConnectorFailure(
                    logger,
                    context.Method,
                    connector.Kind,
                    connector.Vendor ?? "-",
                    connector.Reason ?? "-"
                );
                return RpcErrors.FromConnector(connector);
            // grpc-dotnet sets the deadline from grpc-timeout on the machine's clock, not the hub's. A remote
            // connector's call bound by this call's deadline ends as it passes, a moment before grpc-dotnet's own
            // timer may have cancelled this call's token.
            case OperationCanceledException when context.Deadline <= TimeProvider.System.GetUtcNow().UtcDateTime:
                return new RpcException(
                    new Status(StatusCode.DeadlineExceeded, "The call's deadline passed before the hub could answer.")
                );
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled by the caller."));
            default:
                var traceId = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
                LogUnexpected(logger, ex, context.Method, traceId);
                return RpcErrors.Internal(traceId);
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Method} failed at the vendor: {Kind} from {Vendor} ({Reason})"
    )]
    private static partial void LogConnectorFailure(
        ILogger logger,
        string method,
        ConnectorErrorKind kind,
        string vendor,
        string reason
    );

    // A refusal is the caller's business, not the operator's: it stays below Warning.
    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} refused by the hub: {Kind} ({Reason})")]
    private static partial void LogRefused(ILogger logger, string method, HubErrorKind kind, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} failed unexpectedly (trace {TraceId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string traceId);
}
