using System.Data.Common;

namespace IntegrationHub.Storage.Sql;

/// <summary>One statement with its parameters, to run alone or with others in one batch.</summary>
internal sealed record SqlStatement(string Sql, params (string Name, object? Value)[] Parameters)
{
    /// <summary>
    /// Runs <paramref name="statements"/> in the transaction: as one <see cref="DbBatch"/> where the provider has
    /// batches (PostgreSQL: one round trip for all of them), else one after the other (SQLite runs in process, so
    /// there is no round trip to save; <paramref name="compiled"/> keeps SQLite's compiled statements for a caller that
    /// keeps its connection). Returns the rows each statement affected.
    /// </summary>
    public static async Task<int[]> ExecuteAllAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SqlStatement> statements,
        CancellationToken ct,
        CompiledStatements? compiled = null
    )
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
        {
            return affected;
        }

        if (!connection.CanCreateBatch)
        {
            return await OneAfterAnotherAsync(connection, transaction, statements, compiled, ct);
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
    /// SQLite: each distinct text is compiled once and run again with new values, in <paramref name="compiled"/> when
    /// the caller keeps one for its connection, else for this call only.
    /// </summary>
    private static async Task<int[]> OneAfterAnotherAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SqlStatement> statements,
        CompiledStatements? compiled,
        CancellationToken ct
    )
    {
        var affected = new int[statements.Count];
        var commands = compiled ?? new CompiledStatements();
        try
        {
            for (var i = 0; i < statements.Count; i++)
            {
                var command = await commands.ForAsync(connection, transaction, statements[i]);
                affected[i] = await command.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            if (compiled is null)
            {
                await commands.DisposeAsync();
            }
        }

        return affected;
    }
}
