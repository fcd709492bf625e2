using IntegrationHub.Hub.RoutingEvents;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Composition;

public static class HubRoutingEventsExtensions
{
    /// <summary>Routing events for subscribers: how they are made, signed, sent and managed.</summary>
    public static IServiceCollection AddHubRoutingEvents(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<RoutingEventsOptions>()
            .Bind(configuration.GetSection(RoutingEventsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // Retries are the outbox's (durable, with back-off), so the client has no retry handler of its own; a
        // redirect is not followed, as the signature was made for the subscribed URL.
        services
            .AddHttpClient(RoutingEventSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<SubscriptionSecrets>();
        services.AddSingleton<RoutingEventFactory>();
        services.AddSingleton<RoutingEventSender>();
        services.AddSingleton<EventSubscriptions>();
        services.AddSingleton<IOutboxEffectHandler, EventDeliveryEffectHandler>();
        return services;
    }
}
