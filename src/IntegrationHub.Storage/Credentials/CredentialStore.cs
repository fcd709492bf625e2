using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Credentials;

/// <summary>Connector credentials the vendor rotates, by connector and name; the last write wins.</summary>
public sealed class CredentialStore(Database database, TimeProvider time)
{
    public async Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await connection.QueryAsync("SELECT value FROM connector_credentials WHERE connector = @connector AND name = @name", null, r => r.GetString(0), cancellationToken,
            ("connector", connector), ("name", name))).FirstOrDefault();
    }

    public async Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO connector_credentials (connector, name, value, updated_at) VALUES (@connector, @name, @value, @now) "
            + "ON CONFLICT (connector, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            null, cancellationToken, ("connector", connector), ("name", name), ("value", value), ("now", time.GetUtcNow().Millis()));
    }
}
