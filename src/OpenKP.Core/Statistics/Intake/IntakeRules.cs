using System.Globalization;
using OpenKP.Certificates;
using OpenKP.Shared;

namespace OpenKP.Statistics.Intake;

/// <summary>One bad cell of an upload: the row as the user sees it in the file (header = row 1), the column, a stable code and what to fix.</summary>
public sealed record RowProblem(int Row, string Column, string Code, string Message)
{
    /// <summary>The problem as a violation: its field names the row and column, <c>rows[3].partner</c>.</summary>
    public Violation ToViolation() => new(Code, $"Row {Row}, {Column}: {Message}", string.Create(CultureInfo.InvariantCulture, $"rows[{Row}].{Column}"));
}

/// <summary>Rows read from a file or typed in: what parsed, and every problem found (all rows are checked, never only the first bad one).</summary>
public sealed record IntakeParse<T>(IReadOnlyList<T> Rows, IReadOnlyList<RowProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>A production line as typed in (the API's JSON, the portal's form): carats and US$ as decimals.</summary>
public sealed record ProductionLineInput(string? MiningType, string? HsCode, decimal? Carats, decimal? Usd);

/// <summary>
/// Checks every row of an upload against the template and the KP's rules: flows, known partners (not the
/// participant itself), the three KP HS codes, positive amounts with at most two decimals, dates inside
/// the period, and no row twice. Returns the rows that parsed and every problem.
/// </summary>
public sealed class IntakeRules(string participant, Func<string, bool> isParticipant)
{
    /// <summary>Amounts above this (a hundred billion carats or dollars) are typing errors, and keep sums far from overflow.</summary>
    private const decimal MaxAmount = 100_000_000_000m;

    /// <summary>The required columns the header lacks, as one violation, or null when every one is there.</summary>
    public static Violation? MissingColumns(IntakeKind kind, IntakeTable table, string field = "file")
    {
        var missing = IntakeColumns.Of(kind).Where(c => c.Required && !table.Columns.Contains(c.Name)).Select(c => c.Name).ToList();
        return missing.Count == 0 ? null : new Violation(IntakeCodes.UploadColumnsMissing,
            $"The header row (row 1) lacks {string.Join(", ", missing)}: start from the {Input.Kebab(kind)} template. Columns are {string.Join(", ", IntakeColumns.Of(kind).Select(c => c.Name))}.", field);
    }

    public IntakeParse<SubmittedFigure> Figures(IReadOnlyList<IntakeRow> rows)
    {
        var problems = new List<RowProblem>();
        var figures = new List<SubmittedFigure>();
        var seen = new Dictionary<(TradeFlow, string, string), int>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var flow = Flow(row, problems);
            var partner = Partner(row, problems);
            var hs = Hs(row, IntakeColumns.HsCode, required: true, problems);
            var carats = Amount(row, IntakeColumns.Carats, problems);
            var usd = Amount(row, IntakeColumns.Usd, problems);
            var count = Count(row, IntakeColumns.Certificates, required: true, IntakeCodes.RowCountInvalid, "the number of certificates", problems);
            if (problems.Count > before)
            {
                continue;
            }

            if (Duplicate(seen, (flow!.Value, partner!, hs!), row, $"{Input.Kebab(flow.Value)} {partner} {hs}", IntakeColumns.Partner, problems))
            {
                continue;
            }

            figures.Add(new SubmittedFigure { Flow = flow.Value, Partner = partner!, HsCode = hs!, CaratsHundredths = carats!.Value, UsdCents = usd!.Value, Certificates = count!.Value });
        }

        return new(figures, problems);
    }

    public IntakeParse<SubmittedRecord> Records(IReadOnlyList<IntakeRow> rows, DateOnly first, DateOnly last)
    {
        var problems = new List<RowProblem>();
        var records = new List<SubmittedRecord>();
        var seen = new Dictionary<(TradeFlow, string, string), int>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var flow = Flow(row, problems);
            var number = row.Cell(IntakeColumns.CertificateNumber);
            if (number.Length == 0)
            {
                Missing(row, IntakeColumns.CertificateNumber, problems);
            }
            else if (!IsCertificateNumber(number))
            {
                // Letters and digits first, then letters, digits, '/', '-' and '.': the shapes participants number
                // certificates in, and nothing a spreadsheet opening a partner's download would run as a formula.
                problems.Add(new(row.Number, IntakeColumns.CertificateNumber, IntakeCodes.RowCertificateNumberInvalid,
                    $"'{Shorten(number)}' is not a certificate number: at most 64 letters, digits, '/', '-' and '.', starting with a letter or digit."));
            }

            var partner = Partner(row, problems);
            var date = Date(row, first, last, problems);
            var origin = Origin(row, problems);
            var hs = Hs(row, IntakeColumns.HsCode, required: true, problems);
            var carats = Amount(row, IntakeColumns.Carats, problems);
            var usd = Amount(row, IntakeColumns.Usd, problems);
            var stones = Count(row, IntakeColumns.Stones, required: false, IntakeCodes.RowCountInvalid, "the number of stones", problems);
            if (problems.Count > before)
            {
                continue;
            }

            if (Duplicate(seen, (flow!.Value, number, hs!), row, $"{Input.Kebab(flow.Value)} {number} {hs}", IntakeColumns.CertificateNumber, problems))
            {
                continue;
            }

            records.Add(new SubmittedRecord
            {
                Flow = flow.Value,
                CertificateNumber = number,
                Partner = partner!,
                Date = date!.Value,
                Origin = origin,
                HsCode = hs!,
                CaratsHundredths = carats!.Value,
                UsdCents = usd!.Value,
                Stones = stones,
            });
        }

        return new(records, problems);
    }

    public static IntakeParse<ProductionLine> Production(IReadOnlyList<IntakeRow> rows)
    {
        var problems = new List<RowProblem>();
        var lines = new List<ProductionLine>();
        var seen = new Dictionary<(MiningType, string), int>();
        var totalled = new HashSet<MiningType>();
        var broken = new HashSet<MiningType>();
        foreach (var row in rows)
        {
            var before = problems.Count;
            var type = Mining(row, problems);
            var hs = Hs(row, IntakeColumns.HsCode, required: false, problems);
            var carats = Amount(row, IntakeColumns.Carats, problems);
            var usd = Amount(row, IntakeColumns.Usd, problems);
            if (problems.Count > before)
            {
                continue;
            }

            if (Duplicate(seen, (type!.Value, hs ?? string.Empty), row, $"{Input.Kebab(type.Value)} {hs ?? "(no HS code)"}", IntakeColumns.MiningType, problems))
            {
                continue;
            }

            // A mining type is either one total (no HS code) or broken down by HS code, never both: both would count twice.
            if (hs is null ? broken.Contains(type.Value) : totalled.Contains(type.Value))
            {
                problems.Add(new(row.Number, IntakeColumns.HsCode, IntakeCodes.RowDuplicate,
                    $"{Input.Kebab(type.Value)} is given both as a total without HS code and by HS code: give one or the other."));
                continue;
            }

            (hs is null ? totalled : broken).Add(type.Value);

            lines.Add(new ProductionLine { MiningType = type.Value, HsCode = hs, CaratsHundredths = carats!.Value, UsdCents = usd!.Value });
        }

        return new(lines, problems);
    }

    /// <summary>Typed-in production lines as rows numbered from 1 (the form's line numbers), checked by the same rules as an upload.</summary>
    public static IntakeParse<ProductionLine> Production(IReadOnlyList<ProductionLineInput> lines)
        => Production([.. lines.Select((l, i) => new IntakeRow(i + 1, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [IntakeColumns.MiningType] = l.MiningType?.Trim() ?? string.Empty,
            [IntakeColumns.HsCode] = l.HsCode?.Trim() ?? string.Empty,
            [IntakeColumns.Carats] = l.Carats?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            [IntakeColumns.Usd] = l.Usd?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        }))]);

    private static TradeFlow? Flow(IntakeRow row, List<RowProblem> problems)
    {
        var value = row.Cell(IntakeColumns.Flow);
        if (value.Length == 0)
        {
            return Missing<TradeFlow>(row, IntakeColumns.Flow, problems);
        }

        if (value.Equals("export", StringComparison.OrdinalIgnoreCase))
        {
            return TradeFlow.Export;
        }

        if (value.Equals("import", StringComparison.OrdinalIgnoreCase))
        {
            return TradeFlow.Import;
        }

        problems.Add(new(row.Number, IntakeColumns.Flow, IntakeCodes.RowFlowInvalid, $"'{Shorten(value)}' is not a flow: export or import."));
        return null;
    }

    private static MiningType? Mining(IntakeRow row, List<RowProblem> problems)
    {
        var value = row.Cell(IntakeColumns.MiningType);
        if (value.Length == 0)
        {
            return Missing<MiningType>(row, IntakeColumns.MiningType, problems);
        }

        var match = Enum.GetValues<MiningType>().Cast<MiningType?>().FirstOrDefault(t =>
            Input.Kebab(t!.Value).Equals(value, StringComparison.OrdinalIgnoreCase) || t.Value.ToString().Equals(value, StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            problems.Add(new(row.Number, IntakeColumns.MiningType, IntakeCodes.RowMiningTypeInvalid, $"'{Shorten(value)}' is not a mining type: industrial or artisanal-alluvial."));
        }

        return match;
    }

    private string? Partner(IntakeRow row, List<RowProblem> problems)
    {
        var value = row.Cell(IntakeColumns.Partner);
        if (value.Length == 0)
        {
            Missing(row, IntakeColumns.Partner, problems);
            return null;
        }

        if (!ParticipantCode.TryParse(value, out var code) || !isParticipant(code.Value))
        {
            problems.Add(new(row.Number, IntakeColumns.Partner, IntakeCodes.RowPartnerUnknown, $"'{Shorten(value)}' is not a KP participant's code (for example AE, IN or EU)."));
            return null;
        }

        if (code.Value == participant)
        {
            problems.Add(new(row.Number, IntakeColumns.Partner, IntakeCodes.RowPartnerSelf, $"{participant} cannot trade with itself: the partner is the other side of the shipment."));
            return null;
        }

        return code.Value;
    }

    private static string? Hs(IntakeRow row, string column, bool required, List<RowProblem> problems)
    {
        var value = row.Cell(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Missing(row, column, problems);
            }

            return null;
        }

        // A spreadsheet turns 7102.10 into the number 7102.1: read it back as the code it was.
        var normalised = CertificateContent.HsCodes.FirstOrDefault(h => h == value
            || (decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) && decimal.Parse(h, CultureInfo.InvariantCulture) == n));
        if (normalised is null)
        {
            problems.Add(new(row.Number, column, IntakeCodes.RowHsCodeInvalid, $"'{Shorten(value)}' is not an HS code of rough diamonds: 7102.10, 7102.21 or 7102.31."));
        }

        return normalised;
    }

    private static long? Amount(IntakeRow row, string column, List<RowProblem> problems)
    {
        var value = row.Cell(column);
        if (value.Length == 0)
        {
            Missing(row, column, problems);
            return null;
        }

        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount)
        {
            problems.Add(new(row.Number, column, IntakeCodes.RowAmountInvalid,
                $"'{Shorten(value)}' is not an amount: a number above 0 with at most two decimals, '.' as the decimal separator and no thousands separators (1250.50)."));
            return null;
        }

        return checked((long)(amount * 100));
    }

    private static int? Count(IntakeRow row, string column, bool required, string code, string what, List<RowProblem> problems)
    {
        var value = row.Cell(column);
        if (value.Length == 0)
        {
            if (required)
            {
                Missing(row, column, problems);
            }

            return null;
        }

        // XLSX numbers come back as decimals ("3" or "3.0" alike).
        if (!decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 10_000_000 || decimal.Truncate(n) != n)
        {
            problems.Add(new(row.Number, column, code, $"'{Shorten(value)}' is not {what}: a whole number of 1 or more."));
            return null;
        }

        return (int)n;
    }

    private static DateOnly? Date(IntakeRow row, DateOnly first, DateOnly last, List<RowProblem> problems)
    {
        var value = row.Cell(IntakeColumns.Date);
        if (value.Length == 0)
        {
            return Missing<DateOnly>(row, IntakeColumns.Date, problems);
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new(row.Number, IntakeColumns.Date, IntakeCodes.RowDateInvalid, $"'{Shorten(value)}' is not a date as YYYY-MM-DD."));
            return null;
        }

        if (date < first || date > last)
        {
            problems.Add(new(row.Number, IntakeColumns.Date, IntakeCodes.RowDateOutsidePeriod,
                string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd} is outside the period uploaded ({first:yyyy-MM-dd} to {last:yyyy-MM-dd}): upload it with its own quarter.")));
            return null;
        }

        return date;
    }

    private static string? Origin(IntakeRow row, List<RowProblem> problems)
    {
        var value = row.Cell(IntakeColumns.Origin);
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Equals(CertificateContent.Mixed, StringComparison.OrdinalIgnoreCase))
        {
            return CertificateContent.Mixed;
        }

        if (value.Length == 2 && value.All(char.IsAsciiLetter))
        {
            return value.ToUpperInvariant();
        }

        problems.Add(new(row.Number, IntakeColumns.Origin, IntakeCodes.RowOriginInvalid, $"'{Shorten(value)}' is not an origin: a two-letter ISO 3166-1 country code, or mixed."));
        return null;
    }

    private static bool Duplicate<TKey>(Dictionary<TKey, int> seen, TKey key, IntakeRow row, string what, string column, List<RowProblem> problems)
        where TKey : notnull
    {
        if (seen.TryGetValue(key, out var earlier))
        {
            problems.Add(new(row.Number, column, IntakeCodes.RowDuplicate, $"{what} is already on row {earlier.ToString(CultureInfo.InvariantCulture)}: give each once (add them up)."));
            return true;
        }

        seen[key] = row.Number;
        return false;
    }

    private static void Missing(IntakeRow row, string column, List<RowProblem> problems)
        => problems.Add(new(row.Number, column, IntakeCodes.RowValueMissing, $"{column} is required."));

    private static T? Missing<T>(IntakeRow row, string column, List<RowProblem> problems)
        where T : struct
    {
        Missing(row, column, problems);
        return null;
    }

    /// <summary>At most 64 characters: letters and digits, then also '/', '-' and '.'.</summary>
    public static bool IsCertificateNumber(string value)
        => value.Length is > 0 and <= 64 && char.IsAsciiLetterOrDigit(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '-' or '.');

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
