namespace OpenKP.Statistics;

/// <summary>Stable codes of footprints, documented in docs/problems.md; never renamed or reused.</summary>
public static class FootprintCodes
{
    /// <summary>A warning, never a refusal: a certificate line's US$/ct outside its origin's p1–p99 band.</summary>
    public const string OutsideFootprint = "footprint-outside-band";
    public const string FootprintNotFound = "footprint-not-found";
    public const string RecomputeRunning = "footprint-recompute-running";
}
