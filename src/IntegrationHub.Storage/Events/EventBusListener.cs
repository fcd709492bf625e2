using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Storage.Events;

/// <summary>Runs the PostgreSQL listener when the hub shares a database; nothing to run for SQLite.</summary>
internal sealed class EventBusListener(Database database, PostgresEventBus postgres) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        database.IsPostgres ? postgres.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        database.IsPostgres ? postgres.StopAsync(cancellationToken) : Task.CompletedTask;
}
