using System.Data.Common;

namespace IntegrationHub.Storage.Sql;

/// <summary>One statement with its parameters, to run alone or with others in one batch.</summary>
internal sealed record SqlStatement(string Sql, params (string Name, object? Value)[] Parameters)
{
    /// <summary>
    /// Runs <paramref name="statements"/> in the transaction: as one <see cref="DbBatch"/> where the provider has
    /// batches (PostgreSQL: one round trip for all of them), else one after the other (SQLite runs in process, so
    /// there is no round trip to save). Returns the rows each statement affected.
    /// </summary>
    public static async Task<int[]> ExecuteAllAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SqlStatement> statements,
        CancellationToken ct
    )
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
        {
            return affected;
        }

        if (!connection.CanCreateBatch)
        {
            return await OneAfterAnotherAsync(connection, transaction, statements, ct);
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < statements.Count; i++)
        {
            affected[i] = batch.BatchCommands[i].RecordsAffected;
        }

        return affected;
    }

    /// <summary>
    /// SQLite: each distinct text is compiled once and run again with new values (the provider keeps a command's
    /// compiled statement, not a connection's), since compiling costs more than running a small insert.
    /// </summary>
    private static async Task<int[]> OneAfterAnotherAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SqlStatement> statements,
        CancellationToken ct
    )
    {
        var affected = new int[statements.Count];
        var compiled = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var (sql, parameters) = (statements[i].Sql, statements[i].Parameters);
                if (!compiled.TryGetValue(sql, out var command) || !SameNames(command, parameters))
                {
                    if (command is not null)
                    {
                        await command.DisposeAsync();
                    }

                    compiled[sql] = command = connection.Command(sql, transaction, parameters);
                }
                else
                {
                    for (var p = 0; p < parameters.Length; p++)
                    {
                        command.Parameters[p].Value = parameters[p].Value ?? DBNull.Value;
                    }
                }

                affected[i] = await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            foreach (var command in compiled.Values)
            {
                await command.DisposeAsync();
            }
        }

        return affected;
    }

    private static bool SameNames(DbCommand command, (string Name, object? Value)[] parameters)
    {
        if (command.Parameters.Count != parameters.Length)
        {
            return false;
        }

        for (var p = 0; p < parameters.Length; p++)
        {
            if (command.Parameters[p].ParameterName != parameters[p].Name)
            {
                return false;
            }
        }

        return true;
    }
}
