using System.Data.Common;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace OpenKP.Statistics.Synthetic;

/// <summary>
/// SQLite: one prepared INSERT per table, re-bound per row, all in the run's transaction (SQLite's
/// fastest path; no change tracking). Values are written as EF Core stores them: dates as
/// <c>yyyy-MM-dd</c> text, timestamps as text, GUIDs as upper-case text, lists as JSON.
/// </summary>
internal sealed class SqliteSyntheticWriter(SqliteConnection connection, DbTransaction transaction) : ISyntheticWriter
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public Task WriteAsync<T>(SyntheticTable<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        if (!_commands.TryGetValue(table.Name, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            }

            command.Prepare();
            _commands[table.Name] = command;
        }

        var parameters = command.Parameters;
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var column = table.Columns[i];
                parameters[i].Value = Convert(column.Kind, column.Value(row));
            }

            command.ExecuteNonQuery();
            if (++count % 10_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }

        return Task.CompletedTask;
    }

    private static object Convert(ColumnKind kind, object? value) => value switch
    {
        null => DBNull.Value,
        Guid guid => guid.ToString().ToUpperInvariant(),
        bool flag => flag ? 1L : 0L,
        string[] list => JsonSerializer.Serialize(list),
        _ when kind is ColumnKind.TextList => JsonSerializer.Serialize(value),
        _ => value,
    };

    public ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        return ValueTask.CompletedTask;
    }
}
