using Microsoft.Extensions.Hosting;

namespace IntegrationHub.Storage.Migrations;

/// <summary>Brings the schema up to date before anything else starts.</summary>
internal sealed class MigrateOnStart(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
