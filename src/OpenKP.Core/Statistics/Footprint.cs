namespace OpenKP.Statistics;

/// <summary>
/// The footprint of one origin (and, where certificates declare one, one zone of it) under one HS
/// code: the distribution of US$/ct over the certificate lines of the history window, and the mean
/// stone size where uploads declared stone counts. Prices are US cents per carat (a US$/ct of 123.45
/// is 12345). The percentiles are null when fewer than the minimum sample of lines were seen: no band
/// is claimed and nothing is flagged against it. Rebuilt as a whole by each <see cref="FootprintRun"/>.
/// </summary>
public sealed class Footprint : IStatisticsDetailRow
{
    /// <summary>The <see cref="Zone"/> of an origin's footprint over all its zones and undeclared ones.</summary>
    public const string AllZones = "";

    public long Id { get; set; }
    public long FootprintRunId { get; set; }
    /// <summary>ISO code of the country of origin.</summary>
    public required string Origin { get; set; }
    /// <summary>The zone of origin as certificates declare it, or <see cref="AllZones"/> for the whole origin.</summary>
    public required string Zone { get; set; }
    public required string HsCode { get; set; }
    /// <summary>Certificate lines (and uploaded export records) in the distribution: the sample size.</summary>
    public int Lines { get; set; }
    public long CaratsHundredths { get; set; }
    public long UsdCents { get; set; }
    public DateOnly FirstDate { get; set; }
    public DateOnly LastDate { get; set; }
    public long? P1 { get; set; }
    public long? P5 { get; set; }
    public long? P10 { get; set; }
    public long? P25 { get; set; }
    public long? P50 { get; set; }
    public long? P75 { get; set; }
    public long? P90 { get; set; }
    public long? P95 { get; set; }
    public long? P99 { get; set; }
    /// <summary>Carats (hundredths) of the lines that declared a stone count, and those stones: the mean stone size is one over the other.</summary>
    public long StoneCaratsHundredths { get; set; }
    public long Stones { get; set; }

    /// <summary>Whether the sample was large enough for a band (p1–p99) to be claimed.</summary>
    public bool HasBand => P1 is not null && P99 is not null;

    /// <summary>Mean carats per stone where stones were declared; null when none were.</summary>
    public decimal? MeanStoneCarats => Stones > 0 ? Math.Round(StoneCaratsHundredths / 100m / Stones, 3) : null;
}

/// <summary>
/// One recomputation of every footprint from history (scheduled, asked for by the secretariat, or run
/// from the CLI): audited, and kept, so the footprints in use always say when and over what they were
/// computed. Only the latest run's <see cref="Footprint"/> rows are kept.
/// </summary>
public sealed class FootprintRun : Audit.IAuditKeyed
{
    /// <summary>Audit rows name a run by when it was computed (its id is not known before it is saved): <c>footprints-2026-01-15T10:00:00Z</c>.</summary>
    string Audit.IAuditKeyed.AuditKey => "footprints-" + ComputedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public long Id { get; set; }
    public DateTime ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
    /// <summary>The history window: certificates issued (records dated) from <see cref="From"/> to <see cref="To"/>, inclusive.</summary>
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    /// <summary>The minimum sample below which no band was claimed.</summary>
    public int MinimumSample { get; set; }
    /// <summary>Certificate lines and uploaded records read.</summary>
    public int Lines { get; set; }
    public int Footprints { get; set; }
    public List<Footprint> Rows { get; set; } = [];
}
