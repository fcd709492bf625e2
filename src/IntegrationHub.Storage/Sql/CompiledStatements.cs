using System.Data.Common;

namespace IntegrationHub.Storage.Sql;

/// <summary>
/// SQLite statements compiled once and run again with new values. The provider keeps a command's compiled statement,
/// not a connection's, and compiling costs more than running a small insert: a writer that keeps one connection keeps
/// one of these beside it, so the same few inserts are compiled once for its lifetime instead of once per batch.
/// </summary>
internal sealed class CompiledStatements : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="statement"/> on the connection, with its values bound.</summary>
    public async ValueTask<DbCommand> ForAsync(
        DbConnection connection,
        DbTransaction transaction,
        SqlStatement statement
    )
    {
        var (sql, parameters) = (statement.Sql, statement.Parameters);
        if (_commands.TryGetValue(sql, out var command) && SameNames(command, parameters))
        {
            command.Transaction = transaction;
            for (var p = 0; p < parameters.Length; p++)
            {
                command.Parameters[p].Value = parameters[p].Value ?? DBNull.Value;
            }

            return command;
        }

        if (command is not null)
        {
            await command.DisposeAsync();
        }

        return _commands[sql] = connection.Command(sql, transaction, parameters);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
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
