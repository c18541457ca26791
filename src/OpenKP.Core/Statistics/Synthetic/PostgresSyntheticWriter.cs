using Npgsql;
using NpgsqlTypes;

namespace OpenKP.Statistics.Synthetic;

/// <summary>PostgreSQL: binary COPY per table per year, in the run's transaction (the connection's own).</summary>
internal sealed class PostgresSyntheticWriter(NpgsqlConnection connection) : ISyntheticWriter
{
    public async Task WriteAsync<T>(SyntheticTable<T> table, IEnumerable<T> rows, CancellationToken ct)
    {
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var column in table.Columns)
            {
                var value = column.Value(row);
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                    continue;
                }

                switch (column.Kind)
                {
                    case ColumnKind.Text: await importer.WriteAsync((string)value, NpgsqlDbType.Varchar, ct); break;
                    case ColumnKind.Int: await importer.WriteAsync((int)value, NpgsqlDbType.Integer, ct); break;
                    case ColumnKind.Long: await importer.WriteAsync((long)value, NpgsqlDbType.Bigint, ct); break;
                    case ColumnKind.Bool: await importer.WriteAsync((bool)value, NpgsqlDbType.Boolean, ct); break;
                    case ColumnKind.Date: await importer.WriteAsync((DateOnly)value, NpgsqlDbType.Date, ct); break;
                    case ColumnKind.Timestamp: await importer.WriteAsync((DateTime)value, NpgsqlDbType.TimestampTz, ct); break;
                    case ColumnKind.Guid: await importer.WriteAsync((Guid)value, NpgsqlDbType.Uuid, ct); break;
                    case ColumnKind.TextList: await importer.WriteAsync((string[])value, NpgsqlDbType.Array | NpgsqlDbType.Text, ct); break;
                    default: throw new System.Diagnostics.UnreachableException($"Unknown column kind {column.Kind}.");
                }
            }
        }

        await importer.CompleteAsync(ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
