namespace IntegrationHub.Server.Webhooks;

public static class WebhookEndpoints
{
    public static IServiceCollection AddHubWebhooks(this IServiceCollection services) => services.AddSingleton<OutreachWebhook>();

    public static WebApplication MapHubWebhooks(this WebApplication app)
    {
        app.MapPost(OutreachWebhook.Path, (HttpRequest request, OutreachWebhook webhook, CancellationToken cancellationToken) => webhook.HandleAsync(request, cancellationToken))
            .AllowAnonymous(); // authenticated by the HMAC signature of its body, not by a hub credential
        return app;
    }
}
