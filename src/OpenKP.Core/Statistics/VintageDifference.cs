namespace OpenKP.Statistics;

/// <summary>
/// One figure that differs between two vintages: a participant, a stored column (see
/// <see cref="StatisticsTable.Stored"/>), the old and the new value as stored (hundredths of a carat,
/// US cents, a count, or 1/0 for production submitted). A participant present in one vintage only
/// counts as zeros in the other.
/// </summary>
public sealed record FigureChange(string Participant, string Column, ColumnKind Kind, long Old, long New);

/// <summary>What changed from vintage <see cref="From"/> to vintage <see cref="To"/> of a year.</summary>
public sealed record VintageDifference(int Year, VintageInfo From, VintageInfo To, IReadOnlyList<FigureChange> Changes)
{
    /// <summary>Every changed figure, by participant code then in column order.</summary>
    public static IReadOnlyList<FigureChange> Between(IReadOnlyList<ParticipantYear> from, IReadOnlyList<ParticipantYear> to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        var before = from.ToDictionary(r => r.Participant, StringComparer.Ordinal);
        var after = to.ToDictionary(r => r.Participant, StringComparer.Ordinal);
        var changes = new List<FigureChange>();
        foreach (var code in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(code) ?? Empty(code);
            var @new = after.GetValueOrDefault(code) ?? Empty(code);
            foreach (var column in StatisticsTable.Stored)
            {
                var (o, n) = (column.Value(old) ?? 0, column.Value(@new) ?? 0);
                if (o != n)
                {
                    changes.Add(new FigureChange(code, column.Key, column.Kind, o, n));
                }
            }
        }

        return changes;
    }

    private static ParticipantYear Empty(string code) => new(code, 0, 0, 0, 0, 0, 0, 0, 0, false);
}
