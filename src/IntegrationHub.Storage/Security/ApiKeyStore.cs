using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Security;

/// <summary>A stored API key: its hash, never its secret.</summary>
public sealed record StoredApiKey(
    string Id,
    string Name,
    string SecretHash,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt
);

/// <summary>API keys, shared by every instance; revoking one takes effect everywhere.</summary>
public sealed class ApiKeyStore(Database database, TimeProvider time)
{
    private const string Columns = "id, name, secret_hash, scopes, created_at, revoked_at";

    public async Task<StoredApiKey> InsertAsync(
        string id,
        string name,
        string secretHash,
        IReadOnlyList<string> scopes,
        CancellationToken cancellationToken
    )
    {
        var key = new StoredApiKey(id, name, secretHash, scopes, time.GetUtcNow(), null);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"INSERT INTO api_keys ({Columns}) VALUES (@id, @name, @hash, @scopes, @at, NULL)",
            null,
            cancellationToken,
            ("id", id),
            ("name", name),
            ("hash", secretHash),
            ("scopes", string.Join(' ', scopes)),
            ("at", key.CreatedAt.Millis())
        );
        return key;
    }

    public async Task<StoredApiKey?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT {Columns} FROM api_keys WHERE id = @id",
                null,
                Read,
                cancellationToken,
                ("id", id)
            )
        ).FirstOrDefault();
    }

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Columns} FROM api_keys ORDER BY created_at, id",
            null,
            Read,
            cancellationToken
        );
    }

    /// <summary>Revokes a key (the first revocation time is kept); null when there is no such key.</summary>
    public async Task<StoredApiKey?> RevokeAsync(string id, CancellationToken cancellationToken)
    {
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            await connection.ExecuteAsync(
                "UPDATE api_keys SET revoked_at = @now WHERE id = @id AND revoked_at IS NULL",
                null,
                cancellationToken,
                ("now", time.GetUtcNow().Millis()),
                ("id", id)
            );
        }

        return await GetAsync(id, cancellationToken);
    }

    private static StoredApiKey Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries),
            r.GetInt64(4).Time(),
            r.NullableLong(5)?.Time()
        );
}
