using IntegrationHub.Server.Leads;
using IntegrationHub.Server.Scheduling;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Server.Extensions;

public static class HubLeadExtensions
{
    /// <summary>The side effects of lead decisions, the lead lifecycle and its webhook.</summary>
    public static IServiceCollection AddHubLeadEffects(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<IOutboxEffectHandler, UpsertLeadEffectHandler>();
        services.AddSingleton<IOutboxEffectHandler, ConvertLeadEffectHandler>();
        services.AddSingleton<IOutboxEffectHandler, EnrollEffectHandler>();
        services.AddSingleton<IOutboxEffectHandler, LeadStatusChangeHandler>();
        services.AddSingleton<IOutboxEffectHandler, FinishSequencesEffectHandler>();
        services.AddSingleton<LeadLifecycle>();
        services.AddSingleton<IDurableTimerHandler>(sp => sp.GetRequiredService<LeadLifecycle>());
        services.AddSingleton<OutreachWebhook>();
        return services;
    }

    public static WebApplication MapHubWebhooks(this WebApplication app)
    {
        app.MapPost(OutreachWebhook.Path, (HttpRequest request, OutreachWebhook webhook, CancellationToken cancellationToken) => webhook.HandleAsync(request, cancellationToken))
            .AllowAnonymous(); // authenticated by the HMAC signature of its body, not by a hub credential
        return app;
    }
}
