using IntegrationHub.Server.Capabilities;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IntegrationHub.Server.Catalog;
using IntegrationHub.Server.Errors;
using IntegrationHub.Server.Outbox;
using IntegrationHub.Server.Routing;

namespace IntegrationHub.Server.Extensions;

public static class HubGrpcExtensions
{
    /// <summary>gRPC with the error interceptor, message-size limits and server reflection.</summary>
    public static WebApplicationBuilder AddHubGrpc(this WebApplicationBuilder builder)
    {
        builder.Services.AddGrpc(o =>
        {
            o.Interceptors.Add<ErrorInterceptor>();
            o.MaxReceiveMessageSize = 1024 * 1024;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddGrpcReflection();
        builder.Services.TryAddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Every gRPC service of the hub, health and reflection.</summary>
    public static WebApplication MapHubEndpoints(this WebApplication app)
    {
        app.MapCapabilityServices();
        app.MapGrpcService<ConnectorCatalogGrpcService>();
        app.MapGrpcService<RoutingGrpcService>();
        app.MapGrpcService<ConversationGrpcService>();
        app.MapGrpcService<PresenceGrpcService>();
        app.MapGrpcService<OutboxGrpcService>();
        app.MapGrpcHealthChecksService();
        app.MapGrpcReflectionService();
        app.MapHubWebhooks();
        app.MapGet("/", () => "IntegrationHub: a gRPC service. Use a gRPC client (grpcurl -plaintext HOST list).");
        return app;
    }
}
