using IntegrationHub.Hub.Caching;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Policies;
using IntegrationHub.Hub.Sandbox;
using IntegrationHub.Hub.Timers;
using IntegrationHub.Routing;
using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Http;
using IntegrationHub.Storage;
using IntegrationHub.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IntegrationHub.Hub.Composition;

public static class HubApplicationExtensions
{
    /// <summary>
    /// State, the routing policy, the routing engine over the configured connectors, conversations and their timers.
    /// </summary>
    public static IServiceCollection AddHubApplication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHubStorage(configuration);
        // Connectors registered an in-memory default; a rotated refresh token must outlive the process.
        services.Replace(ServiceDescriptor.Singleton<IConnectorCredentialStore, DurableConnectorCredentials>());
        services
            .AddOptions<RoutingOptions>()
            .Bind(configuration.GetSection(RoutingOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PolicyProvider>();
        services.AddSingleton<PolicyPublisher>();
        services.AddHostedService<PolicyDistribution>();
        // After the schema's migration (registered by storage above): sandbox demo reps start available.
        services.AddHostedService<SandboxDemoPresence>();
        services.AddSingleton(sp => new FactSources(
            sp.GetRequiredService<IEnrichmentConnector>(),
            sp.GetRequiredService<ICrmConnector>(),
            sp.GetRequiredService<ISequencingConnector>(),
            sp.GetRequiredService<IMarketingConnector>(),
            sp.GetRequiredService<ConnectorCatalog>().Bindings.ToDictionary(b => b.Key, b => b.Value.ConnectorName)
        )
        {
            Calendar = new CachedRepCalendar(
                sp.GetRequiredService<IMeetingConnector>(),
                sp.GetRequiredService<TimeProvider>()
            ),
        });
        services.AddSingleton<FactGatherer>();
        services.AddSingleton<LeadFactGatherer>();
        services.AddSingleton<IRoundRobin, SharedRoundRobin>();
        services.AddSingleton<IRepPresence, SharedPresence>();
        services.AddSingleton<VisitorRouter>();
        services.AddSingleton<LeadRouter>();
        services.AddSingleton<DecisionPreview>();
        services.AddSingleton<ConversationFlow>();
        services.AddSingleton<RoutingDesk>();
        services.AddSingleton<RoutingMetrics>();
        services.AddSingleton<DecisionTally>();
        services.AddSingleton<Storage.Metrics.IDecisionTally>(sp => sp.GetRequiredService<DecisionTally>());
        services.AddSingleton<Caps.CapStandings>();
        services.AddSingleton<DecisionFeed>();
        services.AddSingleton<IOutboxEffectHandler, NotifyEffectHandler>();
        services.AddSingleton<IDurableTimerHandler, AcceptTimeout>();
        services.AddHubLeadEffects(configuration);
        services.AddHubRoutingEvents(configuration);
        services.AddSingleton<DurableTimerWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableTimerWorker>());
        return services;
    }
}
