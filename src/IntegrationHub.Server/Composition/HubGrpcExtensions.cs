using IntegrationHub.Hub.Composition;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Server.Capabilities;
using IntegrationHub.Server.Dashboard;
using IntegrationHub.Server.Errors;
using IntegrationHub.Server.Events;
using IntegrationHub.Server.Http;
using IntegrationHub.Server.Operations;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Security;
using IntegrationHub.Server.Webhooks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Composition;

public static class HubGrpcExtensions
{
    /// <summary>The largest request message (gRPC, decompressed) or JSON request body the hub reads: 1 MB.</summary>
    public const int MaxMessageBytes = 1024 * 1024;

    /// <summary>
    /// gRPC with the error interceptor, per-caller limits, message-size limits, HTTP/2 keep-alive and server
    /// reflection.
    /// </summary>
    public static WebApplicationBuilder AddHubGrpc(this WebApplicationBuilder builder)
    {
        builder
            .Services.AddOptions<CallerLimitOptions>()
            .Bind(builder.Configuration.GetSection(CallerLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // One instance for every call: it holds the per-caller buckets and stream counts.
        builder.Services.AddSingleton<CallerStreams>();
        builder.Services.AddSingleton<CallerLimitInterceptor>();
        builder.Services.AddSingleton<RequestDecoding>();
        builder.Services.AddHubWebhooks();
        builder.WebHost.ConfigureKestrel(k =>
        {
            // A client that vanished without closing its connection is found by ping and its streams end.
            k.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            k.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
            // Every body outside the RPCs (webhooks, the dashboard) is at most one message's size; RPC bodies are
            // bounded per message by RequestDecoding instead (413 before that).
            k.Limits.MaxRequestBodySize = MaxMessageBytes;
        });
        builder
            .Services.AddGrpc(o =>
            {
                o.Interceptors.Add<ErrorInterceptor>();
                o.Interceptors.Add<CallerLimitInterceptor>();
                o.Interceptors.Add<CallDeadlineInterceptor>();
                o.MaxReceiveMessageSize = MaxMessageBytes;
                o.EnableDetailedErrors = false;
            })
            .AddJsonTranscoding(o =>
            {
                // The rich error details a JSON caller gets in the status body.
                o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                    Google.Rpc.ErrorInfo.Descriptor,
                    Google.Rpc.BadRequest.Descriptor,
                    Google.Rpc.RetryInfo.Descriptor
                );
                // The proto JSON mapping writes 64-bit integers as strings (a JavaScript number loses digits past
                // 2^53); transcoding writes numbers unless told.
                o.JsonSettings.WriteInt64sAsStrings = true;
            });
        builder.Services.AddGrpcReflection();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Every gRPC service of the hub (routing and presence also as JSON over HTTP, described at
    /// /openapi/v1.json and rendered at /docs), each method behind its scope; health open to all, reflection to
    /// callers (or all, when configured).
    /// </summary>
    public static WebApplication MapHubEndpoints(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<RequestDecoding>();
        app.MapCapabilityServices();
        app.MapGrpcService<ConnectorCatalogGrpcService>().RequireScopes();
        app.MapGrpcService<RoutingGrpcService>().RequireScopes();
        app.MapGrpcService<ConversationGrpcService>().RequireScopes();
        app.MapGrpcService<PresenceGrpcService>().RequireScopes();
        app.MapGrpcService<OutboxGrpcService>().RequireScopes();
        app.MapGrpcService<SandboxGrpcService>().RequireScopes();
        app.MapGrpcService<PolicyGrpcService>().RequireScopes();
        app.MapGrpcService<ApiKeyGrpcService>().RequireScopes();
        app.MapGrpcService<RoutingEventsGrpcService>().RequireScopes();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        var reflection = app.MapGrpcReflectionService();
        if (app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.AllowAnonymousReflection)
        {
            reflection.AllowAnonymous();
        }

        app.MapHubApiDocs();
        app.MapHubWebhooks();
        app.MapHubDashboard();
        app.MapGet("/", () =>
                "IntegrationHub: a gRPC service. Use a gRPC client (grpcurl -plaintext -H 'x-api-key: KEY' HOST list)."
            )
            .AllowAnonymous();
        return app;
    }
}
