using System.Text;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Server.Errors;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Security;

namespace IntegrationHub.Server.Dashboard;

/// <summary>
/// RoutingService/WatchDecisions for browsers, as server-sent events: each decision this instance commits is one
/// <c>decision</c> event whose data is the decision in the proto JSON mapping (as <c>GET /v1/decisions</c> returns
/// it). The dashboard reads it with fetch, so the key travels in the x-api-key header as on its other calls, never in
/// the URL (EventSource cannot send headers).
/// </summary>
public static class DecisionEventsEndpoint
{
    public const string Path = "/v1/decisions:watch";

    /// <summary>
    /// A comment line this often keeps proxies from closing a quiet stream and finds a vanished reader.
    /// </summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>The proto JSON mapping, with the error details a 400 carries.</summary>
    private static readonly JsonFormatter Json = new(
        JsonFormatter.Settings.Default.WithTypeRegistry(
            TypeRegistry.FromMessages(Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.BadRequest.Descriptor)
        )
    );

    public static WebApplication MapDecisionEvents(this WebApplication app)
    {
        app.MapGet(Path, StreamAsync).RequireAuthorization(Scopes.Policy(Scopes.Routing)).ExcludeFromDescription();
        return app;
    }

    private static async Task StreamAsync(
        HttpContext context,
        DecisionFeed feed,
        CallerStreams streams,
        TimeProvider time,
        string? repId = null,
        string? rule = null
    )
    {
        Func<Storage.Decisions.StoredDecision, bool> filter;
        try
        {
            filter = DecisionWatchFilter.Of(repId, rule);
        }
        catch (RequestValidationException invalid)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(
                // Named as the JSON caller wrote them (repId), as every other JSON route names its fields.
                Json.Format(
                    RpcErrors.InvalidRequestStatus(
                        JsonFieldPaths.Of(Contracts.Routing.V1.WatchDecisionsRequest.Descriptor, invalid.Violations)
                    )
                ),
                context.RequestAborted
            );
            return;
        }

        // Each open feed holds a queue, so it counts against the caller's streams as a gRPC stream does.
        var caller = CallerStreams.CallerOf(context.User) ?? "unnamed";
        if (!streams.TryOpen(caller))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "application/json; charset=utf-8";
            var refusal = RpcErrors.BuildStatus(
                Google.Rpc.Code.ResourceExhausted,
                CallerLimitInterceptor.TooManyStreams(streams.Limit),
                "TOO_MANY_STREAMS",
                vendor: null,
                retryAfter: null,
                []
            );
            await context.Response.WriteAsync(Json.Format(refusal), context.RequestAborted);
            return;
        }

        try
        {
            await WatchAsync(context, feed.Watch(filter), time);
        }
        finally
        {
            streams.Close(caller);
        }
    }

    private static async Task WatchAsync(HttpContext context, DecisionWatcher watcher, TimeProvider time)
    {
        using var _ = watcher;
        var response = context.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var stopping = context.RequestAborted;
        try
        {
            // The first bytes tell the reader the stream is live before any decision is made.
            await WriteAsync(response, ": watching decisions\n\n", stopping);
            var waiting = watcher.Decisions.WaitToReadAsync(stopping).AsTask();
            while (true)
            {
                var quiet = Task.Delay(KeepAlive, time, stopping);
                if (await Task.WhenAny(waiting, quiet) == quiet)
                {
                    await quiet;
                    await WriteAsync(response, ": still watching\n\n", stopping);
                    continue;
                }

                if (!await waiting)
                {
                    return;
                }

                while (watcher.Decisions.TryRead(out var stored))
                {
                    var json = Json.Format(stored.ToContract());
                    await WriteAsync(response, $"event: decision\nid: {stored.Id}\ndata: {json}\n\n", stopping);
                }

                waiting = watcher.Decisions.WaitToReadAsync(stopping).AsTask();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The reader went away: nothing more to send.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
