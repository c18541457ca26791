using System.Globalization;
using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>An anomaly as a rule finds it, before it is stored (<see cref="Anomaly"/> has the same fields).</summary>
public sealed record DetectedAnomaly(
    AnomalyKind Kind, string Participant, int Year, string Period, string Subject, AnomalyUnit Unit, long Measured, long? Low, long? High, string Details);

/// <summary>Carats (hundredths) and US$ (cents) traded: the two figures every price and volume rule reads.</summary>
public readonly record struct Volume(long Carats, long Usd)
{
    /// <summary>US cents per carat, rounded down; zero when nothing was traded.</summary>
    public long CentsPerCarat => Carats <= 0 ? 0 : checked(Usd * 100 / Carats);
}

/// <summary>
/// The anomaly rules of the Working Group on Statistics (reference §4.4: compare participant-level
/// figures period to period and flag significant changes). Each rule is a pure function of the figures
/// of the period it judges and the thresholds in <see cref="AnomalySettings"/>; it returns the anomaly
/// or null. Amounts are integers (hundredths of a carat, US cents); percentages are whole numbers.
/// </summary>
public static class AnomalyRules
{
    /// <summary>
    /// <see cref="AnomalyKind.PriceOutsideOwnBand"/>: a participant's export US$/ct for an HS code in
    /// <paramref name="quarter"/> against the band of its own earlier quarters (p10 less the widening to
    /// p90 plus it). Judged only when the quarter's carats reach the floor and at least
    /// <see cref="AnomalySettings.OwnBandMinimumQuarters"/> earlier quarters had trade.
    /// </summary>
    public static DetectedAnomaly? PriceOutsideOwnBand(string participant, string hsCode, Quarter quarter, Volume current, IReadOnlyList<Volume> earlier, AnomalySettings s)
    {
        var history = earlier.Where(v => v.Carats > 0).Select(v => v.CentsPerCarat).ToList();
        if (current.Carats < s.MinimumCaratsHundredths || history.Count < s.OwnBandMinimumQuarters)
        {
            return null;
        }

        var (low, high) = Band(history, s.BandWideningPercent);
        var price = current.CentsPerCarat;
        return price >= low && price <= high ? null : new DetectedAnomaly(
            AnomalyKind.PriceOutsideOwnBand, participant, quarter.Year, quarter.ToString(), $"export {hsCode}", AnomalyUnit.UsdCentsPerCarat, price, low, high,
            $"Exports of {hsCode} in {quarter} were {PerCarat(price)} against your band {PriceBand(low, high)} (your previous {history.Count} quarters with exports of {hsCode}, widened by {s.BandWideningPercent} %).");
    }

    /// <summary>
    /// <see cref="AnomalyKind.PriceOutsidePeerBand"/>: a participant's export US$/ct in <paramref name="year"/> for goods of
    /// one origin and HS code against the band of the other participants exporting the same origin and HS code.
    /// Judged only above the carat floor and with at least <see cref="AnomalySettings.PeerMinimumParticipants"/> peers.
    /// </summary>
    public static DetectedAnomaly? PriceOutsidePeerBand(string participant, string origin, string hsCode, int year, Volume own, IReadOnlyList<Volume> peers, AnomalySettings s)
    {
        var prices = peers.Where(v => v.Carats > 0).Select(v => v.CentsPerCarat).ToList();
        if (own.Carats < s.MinimumCaratsHundredths || prices.Count < s.PeerMinimumParticipants)
        {
            return null;
        }

        var (low, high) = Band(prices, s.BandWideningPercent);
        var price = own.CentsPerCarat;
        return price >= low && price <= high ? null : new DetectedAnomaly(
            AnomalyKind.PriceOutsidePeerBand, participant, year, Year(year), $"origin {origin} {hsCode}", AnomalyUnit.UsdCentsPerCarat, price, low, high,
            $"Exports of {hsCode} of {origin} origin in {year} were {PerCarat(price)} against {PriceBand(low, high)} for the {prices.Count} other participants exporting diamonds of that origin.");
    }

    /// <summary>
    /// <see cref="AnomalyKind.ExportsExceedSupply"/>: a year's exported carats above production plus imports (plus the
    /// tolerance). Judged only when exports reach the carat floor. Stocks carried from earlier years explain
    /// some cases; the questionnaire asks.
    /// </summary>
    public static DetectedAnomaly? ExportsExceedSupply(string participant, int year, long exportCarats, long productionCarats, long importCarats, AnomalySettings s)
    {
        if (exportCarats < s.MinimumCaratsHundredths)
        {
            return null;
        }

        var supply = checked(productionCarats + importCarats);
        var limit = checked(supply + (supply * s.SupplyTolerancePercent / 100));
        return exportCarats <= limit ? null : new DetectedAnomaly(
            AnomalyKind.ExportsExceedSupply, participant, year, Year(year), "export carats", AnomalyUnit.CaratsHundredths, exportCarats, null, limit,
            $"Exports in {year} were {Carats(exportCarats)}, above production ({Carats(productionCarats)}) plus imports ({Carats(importCarats)}) of the year, {Carats(supply)}, by more than {s.SupplyTolerancePercent} %.");
    }

    /// <summary>
    /// <see cref="AnomalyKind.PeriodChange"/>: carats or US$ (<paramref name="measure"/>: <c>export carats</c>, <c>import usd</c>,
    /// <c>production carats</c>…) changed from <paramref name="previousPeriod"/> by more than the threshold. Judged only when
    /// either period reaches the floor of its unit and the previous period had some: a first period has no baseline.
    /// </summary>
    public static DetectedAnomaly? PeriodChange(string participant, int year, string period, string previousPeriod, string measure, AnomalyUnit unit, long current, long previous, AnomalySettings s)
        => Change(AnomalyKind.PeriodChange, participant, year, period, previousPeriod, measure, unit, current, previous, s.PeriodChangePercent,
            unit == AnomalyUnit.UsdCents ? s.MinimumUsdCents : s.MinimumCaratsHundredths);

    /// <summary><see cref="AnomalyKind.CertificateCountJump"/>: the number of export (or import) certificates changed from the previous quarter by more than the threshold.</summary>
    public static DetectedAnomaly? CertificateCountJump(string participant, Quarter quarter, string flow, int current, int previous, AnomalySettings s)
        => Change(AnomalyKind.CertificateCountJump, participant, quarter.Year, quarter.ToString(), Previous(quarter).ToString(), $"{flow} certificates", AnomalyUnit.Certificates,
            current, previous, s.CertificateJumpPercent, s.MinimumCertificates);

    /// <summary>
    /// <see cref="AnomalyKind.MissingSubmission"/> (nothing sent and the due date passed on <paramref name="today"/>) or
    /// <see cref="AnomalyKind.LateSubmission"/> (the first revision came after the due date); null otherwise.
    /// </summary>
    public static DetectedAnomaly? Submission(string participant, int year, string period, string what, DateOnly dueOn, DateOnly? firstSubmittedOn, DateOnly today)
    {
        if (firstSubmittedOn is { } sent)
        {
            var late = sent.DayNumber - dueOn.DayNumber;
            return late <= 0 ? null : new DetectedAnomaly(
                AnomalyKind.LateSubmission, participant, year, period, what, AnomalyUnit.Days, late, null, 0,
                $"The {what} for {period} was due on {Iso(dueOn)} and came on {Iso(sent)}, {late} days late.");
        }

        var overdue = today.DayNumber - dueOn.DayNumber;
        return overdue <= 0 ? null : new DetectedAnomaly(
            AnomalyKind.MissingSubmission, participant, year, period, what, AnomalyUnit.Days, overdue, null, 0,
            $"The {what} for {period} was due on {Iso(dueOn)} and has not been sent ({overdue} days past due).");
    }

    /// <summary>Every threshold out of its range, each with its field.</summary>
    public static IReadOnlyList<Violation> CheckSettings(AnomalySettings s)
    {
        var violations = new List<Violation>();
        void Range(long value, long min, long max, string field)
        {
            if (value < min || value > max)
            {
                violations.Add(new(AnomalyCodes.SettingOutOfRange, string.Create(CultureInfo.InvariantCulture, $"'{field}' is {min} to {max}; {value} is out of range."), field));
            }
        }

        Range(s.OwnBandQuarters, 4, 12, "ownBandQuarters");
        Range(s.OwnBandMinimumQuarters, 2, 12, "ownBandMinimumQuarters");
        if (s.OwnBandMinimumQuarters > s.OwnBandQuarters)
        {
            violations.Add(new(AnomalyCodes.SettingOutOfRange, "'ownBandMinimumQuarters' cannot exceed 'ownBandQuarters'.", "ownBandMinimumQuarters"));
        }

        Range(s.BandWideningPercent, 0, 500, "bandWideningPercent");
        Range(s.PeerMinimumParticipants, 2, 50, "peerMinimumParticipants");
        Range(s.SupplyTolerancePercent, 0, 500, "supplyTolerancePercent");
        Range(s.PeriodChangePercent, 1, 1000, "periodChangePercent");
        Range(s.CertificateJumpPercent, 1, 1000, "certificateJumpPercent");
        Range(s.MinimumCaratsHundredths, 0, 100_000_000_000, "minimumCarats");
        Range(s.MinimumUsdCents, 0, 100_000_000_000_000, "minimumUsd");
        Range(s.MinimumCertificates, 0, 1_000_000, "minimumCertificates");
        Range(s.QuestionnaireDueDays, 7, 180, "questionnaireDueDays");
        return violations;
    }

    /// <summary>The question a questionnaire asks about an anomaly: its finding, and what the participant should explain.</summary>
    public static string QuestionFor(AnomalyKind kind, string details) => details + " " + kind switch
    {
        AnomalyKind.PriceOutsideOwnBand => "Explain the difference (the goods' size or quality, the valuation, a data-entry error) and correct the figures if they are wrong.",
        AnomalyKind.PriceOutsidePeerBand => "Explain why your valuation of these goods differs from other participants' (quality, assortment, valuation method) and correct the figures if they are wrong.",
        AnomalyKind.ExportsExceedSupply => "Explain where the goods exported came from (stocks from earlier years, production or imports not reported) and correct the figures if they are wrong.",
        AnomalyKind.PeriodChange => "Explain the change (new mines or operators, market conditions, a data-entry error) and correct the figures if they are wrong.",
        AnomalyKind.CertificateCountJump => "Explain the change in the number of certificates (new operators, split or combined shipments, a data-entry error).",
        AnomalyKind.MissingSubmission => "Send the missing statistics, or explain why they cannot be sent and when they will be.",
        AnomalyKind.LateSubmission => "Explain the delay and what will make the next submission timely.",
        _ => "Explain.",
    };

    /// <summary>The quarter before <paramref name="quarter"/>.</summary>
    public static Quarter Previous(Quarter quarter) => quarter.Number == 1 ? new(quarter.Year - 1, 4) : new(quarter.Year, quarter.Number - 1);

    /// <summary>The half year before <paramref name="half"/>.</summary>
    public static HalfYear Previous(HalfYear half) => half.Number == 1 ? new(half.Year - 1, 2) : new(half.Year, 1);

    /// <summary>p10 less <paramref name="wideningPercent"/> to p90 plus it, of the values (linear interpolation between ranks).</summary>
    public static (long Low, long High) Band(IReadOnlyList<long> values, int wideningPercent)
    {
        var sorted = values.Order().ToList();
        var p10 = Percentile(sorted, 10);
        var p90 = Percentile(sorted, 90);
        return ((long)Math.Floor(p10 * (100 - Math.Min(wideningPercent, 100)) / 100m), (long)Math.Ceiling(p90 * (100 + wideningPercent) / 100m));
    }

    /// <summary>The <paramref name="p"/>th percentile of sorted values, interpolating linearly between ranks (the spreadsheet's PERCENTILE.INC).</summary>
    public static decimal Percentile(IReadOnlyList<long> sorted, int p)
    {
        if (sorted.Count == 0)
        {
            throw new ArgumentException("No values.", nameof(sorted));
        }

        var rank = (sorted.Count - 1) * p / 100m;
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (rank - below));
    }

    private static DetectedAnomaly? Change(
        AnomalyKind kind, string participant, int year, string period, string previousPeriod, string measure, AnomalyUnit unit, long current, long previous, int percent, long floor)
    {
        if (previous <= 0 || Math.Max(current, previous) < floor)
        {
            return null;
        }

        var low = previous * (100 - Math.Min(percent, 100)) / 100;
        var high = checked(previous + (previous * percent / 100));
        if (current >= low && current <= high)
        {
            return null;
        }

        var change = (current - previous) * 100m / previous;
        return new DetectedAnomaly(kind, participant, year, period, measure, unit, current, low, high, string.Create(CultureInfo.InvariantCulture,
            $"{Capitalise(measure)} in {period} were {Amount(unit, current)} against {Amount(unit, previous)} in {previousPeriod}, a change of {change:+0;-0} % (the threshold is {percent} %)."));
    }

    public static string Amount(AnomalyUnit unit, long value) => unit switch
    {
        AnomalyUnit.UsdCentsPerCarat => PerCarat(value),
        AnomalyUnit.CaratsHundredths => Carats(value),
        AnomalyUnit.UsdCents => Usd(value),
        AnomalyUnit.Days => string.Create(CultureInfo.InvariantCulture, $"{value} days"),
        _ => value.ToString("N0", CultureInfo.InvariantCulture),
    };

    private static string PerCarat(long cents) => string.Create(CultureInfo.InvariantCulture, $"US$ {cents / 100m:N2}/ct");

    private static string PriceBand(long low, long high) => string.Create(CultureInfo.InvariantCulture, $"US$ {low / 100m:N2}–{high / 100m:N2}/ct");

    private static string Carats(long hundredths) => string.Create(CultureInfo.InvariantCulture, $"{hundredths / 100m:N2} ct");

    private static string Usd(long cents) => string.Create(CultureInfo.InvariantCulture, $"US$ {cents / 100m:N2}");

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Year(int year) => year.ToString("D4", CultureInfo.InvariantCulture);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
