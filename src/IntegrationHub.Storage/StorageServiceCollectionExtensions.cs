using IntegrationHub.Storage.Assignment;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Credentials;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Leads;
using IntegrationHub.Storage.Migrations;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Policies;
using IntegrationHub.Storage.Presence;
using IntegrationHub.Storage.RoutingEvents;
using IntegrationHub.Storage.Scheduling;
using IntegrationHub.Storage.Security;
using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The hub's state from <c>Storage</c>: SQLite by default, PostgreSQL when configured;
    /// migrations at start; the outbox dispatcher; the event bus; SQLite's checkpoints.
    /// </summary>
    public static IServiceCollection AddHubStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return options.Provider == StorageProvider.PostgreSql
                ? Database.Postgres(options.PostgreSql.ConnectionString!)
                : Database.Sqlite(options.Sqlite.Path);
        });
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<MigrateOnStart>();
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<DecisionWriter>();
        services.AddSingleton<OutboxWake>();
        services.AddSingleton<IDecisionCommitted>(sp => sp.GetRequiredService<OutboxWake>());
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<RoundRobinStore>();
        services.AddSingleton<WorkCountStore>();
        services.AddSingleton<PresenceStore>();
        services.AddSingleton<ScheduleStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<Metrics.RoutingCountStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<LeadEnrollmentStore>();
        services.AddSingleton<CredentialStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<PolicyVersionStore>();
        services.AddSingleton<EventSubscriptionStore>();
        services.AddSingleton<PostgresEventBus>();
        services.AddSingleton<InProcessEventBus>();
        services.AddSingleton<IHubEventBus>(sp =>
            sp.GetRequiredService<Database>().IsPostgres
                ? sp.GetRequiredService<PostgresEventBus>()
                : sp.GetRequiredService<InProcessEventBus>()
        );
        services.AddHostedService<EventBusListener>();
        services.AddHostedService<SqliteCheckpoints>();

        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
