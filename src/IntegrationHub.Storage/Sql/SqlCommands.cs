using System.Data.Common;

namespace IntegrationHub.Storage.Sql;

/// <summary>Small helpers over ADO.NET: parameters by name, scalars, rows.</summary>
internal static class SqlCommands
{
    public static DbCommand Command(
        this DbConnection connection,
        string sql,
        DbTransaction? transaction = null,
        params (string Name, object? Value)[] parameters
    )
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public static async Task<int> ExecuteAsync(
        this DbConnection connection,
        string sql,
        DbTransaction? transaction,
        CancellationToken ct,
        params (string, object?)[] parameters
    )
    {
        await using var command = connection.Command(sql, transaction, parameters);
        if (transaction is null && connection is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            // A write of its own (autocommit) takes this process's turn like a transaction does.
            using var turn = await SqliteWriterTurn.TakeAsync(sqlite.ConnectionString, ct);
            return await command.ExecuteNonQueryAsync(ct);
        }

        return await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<T>> QueryAsync<T>(
        this DbConnection connection,
        string sql,
        DbTransaction? transaction,
        Func<DbDataReader, T> read,
        CancellationToken ct,
        params (string, object?)[] parameters
    )
    {
        await using var command = connection.Command(sql, transaction, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>A column list ("a, b") with each column prefixed by a table alias ("t.a, t.b"), for a join.</summary>
    public static string Aliased(this string columns, string alias) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));

    public static string? NullableString(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableLong(this DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static long Millis(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(this long millis) => DateTimeOffset.FromUnixTimeMilliseconds(millis);
}
