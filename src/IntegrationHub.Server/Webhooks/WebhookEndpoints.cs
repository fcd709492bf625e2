namespace IntegrationHub.Server.Webhooks;

public static class WebhookEndpoints
{
    public static IServiceCollection AddHubWebhooks(this IServiceCollection services) =>
        services.AddSingleton<WebhookReceivers>().AddSingleton<VendorWebhook>();

    public static WebApplication MapHubWebhooks(this WebApplication app)
    {
        app.MapPost(
                VendorWebhook.Route,
                (string connector, HttpRequest request, VendorWebhook webhook, CancellationToken cancellationToken) =>
                    webhook.HandleAsync(connector, request, cancellationToken)
            )
            .AllowAnonymous(); // authenticated by the connector's check of the vendor's signature, not a hub credential
        return app;
    }
}
