using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Statistics;

namespace OpenKP.Benchmarks.Statistics;

/// <summary>
/// One measurement of "Statistics at scale": the app's code (<see cref="Measured"/>) beside a
/// hand-written SQL query computing the same figures (<see cref="Baseline"/>) on the same database and
/// year. Each returns a fingerprint of its answer (totals), which must agree, so the two really do the
/// same work. <see cref="Goal"/>: the highest acceptable ratio measured / baseline.
/// </summary>
internal sealed record ScaleCase(
    string Name,
    double Goal,
    Func<OpenKpDb, int, CancellationToken, Task<string>> Measured,
    Func<DbConnection, bool, int, CancellationToken, Task<string>> Baseline);

/// <summary>The cases. To add one (reconciliation, the public summary…), add an entry to <see cref="All"/>.</summary>
internal static class ScaleCases
{
    public static IReadOnlyList<ScaleCase> All =>
    [
        new("AnnualFigures.ForYearAsync", 1.5, AnnualFiguresAsync, AnnualFiguresSqlAsync),
        new("TradeStatistics.ForYearAsync (all participants)", 1.5, TradeStatisticsAsync, TradeStatisticsSqlAsync),
        new("Public summary of a published year (PublishedStatistics.PublishedAsync)", 1.5, PublicSummaryAsync, AnnualFiguresSqlAsync),
        new("Reconciliation of all pairs (ReconciliationRunner.RunAsync)", 1.5, ReconciliationAsync, ReconciliationSqlAsync),
    ];

    /// <summary>
    /// What the public page reads: the year's frozen vintage. The first (warm-up) run publishes the
    /// year if it is not yet published, as the secretariat would; the timed runs read the vintage.
    /// The answer is the live figures' fingerprint, so it must equal the hand-written SQL over the certificates.
    /// </summary>
    private static async Task<string> PublicSummaryAsync(OpenKpDb db, int year, CancellationToken ct)
    {
        var directory = new ParticipantDirectory(db);
        var annual = new AnnualFigures(db, new TradeStatistics(db), directory);
        var published = new PublishedStatistics(db, annual, directory);
        if (!await published.IsPublishedAsync(year, ct))
        {
            var outcome = await new StatisticsPublisher(db, annual, TimeProvider.System).PublishAsync(year, null, "benchmark", ct);
            if (!outcome.Succeeded)
            {
                throw new InvalidOperationException($"Could not publish {year}: {string.Join(", ", outcome.Violations.Select(v => v.Code))}");
            }
        }

        var rows = (await published.PublishedAsync(year, null, ct))!.Rows;
        return Fingerprint(
            rows.Sum(r => r.ExportCaratsHundredths), rows.Sum(r => r.ExportUsdCents), rows.Sum(r => r.ExportCertificates),
            rows.Sum(r => r.ImportCaratsHundredths), rows.Sum(r => r.ImportUsdCents), rows.Sum(r => r.ImportCertificates),
            rows.Sum(r => r.ProductionCaratsHundredths), rows.Sum(r => r.ProductionUsdCents));
    }

    /// <summary>Every pair of the year reconciled certificate by certificate; the answer is the pairs' export side summed.</summary>
    private static async Task<string> ReconciliationAsync(OpenKpDb db, int year, CancellationToken ct)
    {
        var result = await new ReconciliationRunner(db).RunAsync(new ReconciliationPeriod(year), ReconciliationScope.All, DateOnly.FromDateTime(DateTime.UtcNow), ct);
        return Fingerprint(result.Pairs.Sum(p => p.Exports.Carats), result.Pairs.Sum(p => p.Exports.Usd), result.Pairs.Sum(p => p.Exports.Certificates));
    }

    /// <summary>
    /// The same matching, hand-written: the year's certificates LEFT JOIN their confirmation and accepted
    /// arrival check (by the unique certificate number), each put in a category by a CASE and summed per
    /// pair and category; then the year's confirmations whose certificate is not among them (the other side).
    /// </summary>
    private static async Task<string> ReconciliationSqlAsync(DbConnection connection, bool postgres, int year, CancellationToken ct)
    {
        const string sql = """
            SELECT c."IssuingParticipant", c."ImportingParticipant",
                   CASE WHEN i."CertificateNumber" IS NULL THEN 'export-only'
                        WHEN i."ReceivedOn" > @to THEN 'timing'
                        WHEN ABS(c."TotalCaratsHundredths" - i."CaratsHundredths") * 10000 > c."TotalCaratsHundredths" * 50 THEN 'carats'
                        WHEN ABS(c."TotalUsdCents" - COALESCE(a."UsdCents", c."TotalUsdCents")) * 10000 > c."TotalUsdCents" * 500 THEN 'valuation'
                        ELSE 'matched' END,
                   SUM(c."TotalCaratsHundredths"), SUM(c."TotalUsdCents"), COUNT(*)
            FROM certificates c
            LEFT JOIN import_confirmations i ON i."CertificateNumber" = c."Number"
            LEFT JOIN arrival_checks a ON a."CertificateNumber" = c."Number" AND a."Outcome" = 'Accepted'
            WHERE c."Status" = 'Issued' AND c."IssuedOn" >= @from AND c."IssuedOn" <= @to
            GROUP BY 1, 2, 3
            UNION ALL
            SELECT i."ExportingParticipant", i."ImportingParticipant", CASE WHEN c."Number" IS NULL THEN 'import-only' ELSE 'timing' END, 0, 0, 0
            FROM import_confirmations i LEFT JOIN certificates c ON c."Number" = i."CertificateNumber"
            WHERE i."ReceivedOn" >= @from AND i."ReceivedOn" <= @to AND (c."Number" IS NULL OR c."IssuedOn" < @from OR c."IssuedOn" > @to)
            GROUP BY 1, 2, 3
            """;
        await using var command = Command(connection, postgres, sql, year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (carats, usd, certificates) = (0L, 0L, 0L);
        while (await reader.ReadAsync(ct))
        {
            carats += reader.GetInt64(3);
            usd += reader.GetInt64(4);
            certificates += reader.GetInt64(5);
        }

        return Fingerprint(carats, usd, certificates);
    }

    private static async Task<string> AnnualFiguresAsync(OpenKpDb db, int year, CancellationToken ct)
    {
        var rows = await new AnnualFigures(db, new TradeStatistics(db), new ParticipantDirectory(db)).ForYearAsync(year, ct);
        return Fingerprint(
            rows.Sum(r => r.ExportCaratsHundredths), rows.Sum(r => r.ExportUsdCents), rows.Sum(r => r.ExportCertificates),
            rows.Sum(r => r.ImportCaratsHundredths), rows.Sum(r => r.ImportUsdCents), rows.Sum(r => r.ImportCertificates),
            rows.Sum(r => r.ProductionCaratsHundredths), rows.Sum(r => r.ProductionUsdCents));
    }

    /// <summary>The same three aggregates, hand-written: exports by issue date, imports by receipt, the latest production revisions.</summary>
    private static async Task<string> AnnualFiguresSqlAsync(DbConnection connection, bool postgres, int year, CancellationToken ct)
    {
        var exports = await SumsAsync(connection, postgres, year, """
            SELECT "IssuingParticipant", SUM("TotalCaratsHundredths"), SUM("TotalUsdCents"), COUNT(*)
            FROM certificates WHERE "Status" = 'Issued' AND "IssuedOn" >= @from AND "IssuedOn" <= @to
            GROUP BY "IssuingParticipant"
            """, ct);
        var imports = await SumsAsync(connection, postgres, year, """
            SELECT i."ImportingParticipant", SUM(c."TotalCaratsHundredths"), SUM(c."TotalUsdCents"), COUNT(*)
            FROM import_confirmations i JOIN certificates c ON c."Number" = i."CertificateNumber"
            WHERE i."ReceivedOn" >= @from AND i."ReceivedOn" <= @to
            GROUP BY i."ImportingParticipant"
            """, ct);
        var production = await SumsAsync(connection, postgres, year, """
            SELECT r."ParticipantCode", COALESCE(SUM(l."CaratsHundredths"), 0), COALESCE(SUM(l."UsdCents"), 0), COUNT(DISTINCT r."Half")
            FROM production_returns r LEFT JOIN production_lines l ON l."ProductionReturnId" = r."Id"
            WHERE r."Year" = @year AND r."Revision" = (SELECT MAX(o."Revision") FROM production_returns o
                WHERE o."ParticipantCode" = r."ParticipantCode" AND o."Year" = r."Year" AND o."Half" = r."Half")
            GROUP BY r."ParticipantCode"
            """, ct);
        return Fingerprint(exports.Carats, exports.Usd, exports.Count, imports.Carats, imports.Usd, imports.Count, production.Carats, production.Usd);
    }

    private static async Task<string> TradeStatisticsAsync(OpenKpDb db, int year, CancellationToken ct)
    {
        var figures = await new TradeStatistics(db).ForYearAsync(year, null, ct);
        return Fingerprint(figures.Count, figures.Sum(f => f.CaratsHundredths), figures.Sum(f => f.UsdCents), figures.Sum(f => f.Certificates));
    }

    /// <summary>Exports and imports per participant, quarter, partner and HS code, from the lines, hand-written.</summary>
    private static async Task<string> TradeStatisticsSqlAsync(DbConnection connection, bool postgres, int year, CancellationToken ct)
    {
        string Quarter(string column) => postgres
            ? $"((EXTRACT(MONTH FROM {column})::int - 1) / 3 + 1)"
            : $"((CAST(strftime('%m', {column}) AS INTEGER) - 1) / 3 + 1)";
        var rows = 0L;
        var (carats, usd, certificates) = (0L, 0L, 0L);
        foreach (var sql in new[]
        {
            $"""
            SELECT c."IssuingParticipant", {Quarter("c.\"IssuedOn\"")}, c."ImportingParticipant", l."HsCode", SUM(l."CaratsHundredths"), SUM(l."UsdCents"), COUNT(DISTINCT c."Id")
            FROM certificates c JOIN certificate_lines l ON l."CertificateId" = c."Id"
            WHERE c."Status" = 'Issued' AND c."IssuedOn" >= @from AND c."IssuedOn" <= @to
            GROUP BY 1, 2, 3, 4
            """,
            $"""
            SELECT i."ImportingParticipant", {Quarter("i.\"ReceivedOn\"")}, c."IssuingParticipant", l."HsCode", SUM(l."CaratsHundredths"), SUM(l."UsdCents"), COUNT(DISTINCT c."Id")
            FROM import_confirmations i JOIN certificates c ON c."Number" = i."CertificateNumber" JOIN certificate_lines l ON l."CertificateId" = c."Id"
            WHERE i."ReceivedOn" >= @from AND i."ReceivedOn" <= @to
            GROUP BY 1, 2, 3, 4
            """,
        })
        {
            await using var command = Command(connection, postgres, sql, year);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows++;
                carats += reader.GetInt64(4);
                usd += reader.GetInt64(5);
                certificates += reader.GetInt64(6);
            }
        }

        return Fingerprint(rows, carats, usd, certificates);
    }

    private static async Task<(long Carats, long Usd, long Count)> SumsAsync(DbConnection connection, bool postgres, int year, string sql, CancellationToken ct)
    {
        await using var command = Command(connection, postgres, sql, year);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var (carats, usd, count) = (0L, 0L, 0L);
        while (await reader.ReadAsync(ct))
        {
            carats += reader.GetInt64(1);
            usd += reader.GetInt64(2);
            count += reader.GetInt64(3);
        }

        return (carats, usd, count);
    }

    private static DbCommand Command(DbConnection connection, bool postgres, string sql, int year)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        Add("from", new DateOnly(year, 1, 1));
        Add("to", new DateOnly(year, 12, 31));
        var y = command.CreateParameter();
        y.ParameterName = "year";
        y.Value = year;
        command.Parameters.Add(y);
        return command;

        void Add(string name, DateOnly day)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            // As EF Core stores a DateOnly: a date on PostgreSQL, yyyy-MM-dd text on SQLite.
            p.Value = postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
        }
    }

    private static string Fingerprint(params long[] values) => string.Join('/', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
