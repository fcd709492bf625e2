using IntegrationHub.Hub.Leads;
using IntegrationHub.Hub.Timers;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Composition;

public static class HubLeadExtensions
{
    /// <summary>
    /// The side effects of lead decisions, the lead lifecycle and what its webhook deliveries remember.
    /// </summary>
    public static IServiceCollection AddHubLeadEffects(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<WebhookDeliveries>();
        services.AddSingleton<IOutboxEffectHandler, UpsertLeadEffectHandler>();
        services.AddSingleton<IOutboxEffectHandler, ConvertLeadEffectHandler>();
        services.AddSingleton<IOutboxEffectHandler, EnrollEffectHandler>();
        services.AddSingleton<IOutboxEffectHandler, LeadStatusChangeHandler>();
        services.AddSingleton<IOutboxEffectHandler, FinishSequencesEffectHandler>();
        services.AddSingleton<LeadLifecycle>();
        services.AddSingleton<LeadLifecycleEvents>();
        services.AddSingleton<IDurableTimerHandler>(sp => sp.GetRequiredService<LeadLifecycle>());
        services.AddSingleton<LeadReassignment>();
        services.AddSingleton<IDurableTimerHandler>(sp => sp.GetRequiredService<LeadReassignment>());
        return services;
    }
}
