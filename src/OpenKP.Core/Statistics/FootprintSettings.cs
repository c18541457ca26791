namespace OpenKP.Statistics;

/// <summary>
/// How footprints are computed. <see cref="WindowYears"/>: the history read, in years back from the
/// day of the run (default 5: bounded however long the history grows). <see cref="MinimumSample"/>:
/// the fewest lines an origin, zone and HS code need before a p1–p99 band is claimed and lines are
/// flagged against it (default 30). Configuration: <c>OpenKP:Statistics:Footprints:WindowYears</c>
/// and <c>:MinimumSample</c>.
/// </summary>
public sealed record FootprintSettings(int WindowYears = FootprintSettings.DefaultWindowYears, int MinimumSample = FootprintSettings.DefaultMinimumSample)
{
    public const int DefaultWindowYears = 5;
    public const int DefaultMinimumSample = 30;

    /// <summary>At least one year and at least two lines (a band of one price is no band).</summary>
    public FootprintSettings Checked() => new(Math.Clamp(WindowYears, 1, 50), Math.Max(MinimumSample, 2));
}
