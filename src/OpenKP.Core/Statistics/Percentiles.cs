namespace OpenKP.Statistics;

/// <summary>
/// The one percentile function of OpenKP: linear interpolation between closest ranks, as the
/// spreadsheet function PERCENTILE.INC computes it (the Working Group on Statistics checks figures in
/// spreadsheets, so OpenKP's bands match theirs). Used by the review's price check and by footprints.
/// </summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="p"/>-th percentile (0 to 1) of <paramref name="sorted"/> (ascending, at
    /// least one value), rounded to cents as every US$/ct OpenKP shows.
    /// </summary>
    public static decimal Inclusive(IReadOnlyList<decimal> sorted, decimal p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1m);
        var rank = p * (sorted.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, sorted.Count - 1);
        return Math.Round(sorted[low] + ((sorted[high] - sorted[low]) * (rank - low)), 2);
    }
}
