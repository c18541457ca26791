using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;

namespace OpenKP.Statistics;

/// <summary>A vintage's facts: its number in the year, when and by whom it was published, and why.</summary>
public sealed record VintageInfo(int Number, DateTime PublishedAt, string PublishedBy, string Reason);

/// <summary>
/// A year's table: a published vintage (<see cref="Vintage"/> set), or the live figures the
/// secretariat previews before publishing (<see cref="Vintage"/> null). Rows are by participant code.
/// </summary>
public sealed record YearTable(int Year, VintageInfo? Vintage, IReadOnlyList<ParticipantYear> Rows, IReadOnlyDictionary<string, string> Names)
{
    public bool IsPublished => Vintage is not null;

    /// <summary>The world total, the sum of <see cref="Rows"/>.</summary>
    public ParticipantYear World { get; } = StatisticsTable.WorldOf(Rows);

    /// <summary>The participants that owed a production return and sent none, by code.</summary>
    public IReadOnlyList<string> NonSubmitters => [.. Rows.Where(r => !r.ProductionSubmitted).Select(r => r.Participant)];

    public string NameOf(string code) => code == StatisticsTable.World ? "World" : Names.GetValueOrDefault(code, code);
}

/// <summary>A published year as the hub lists it: its latest vintage and the world total.</summary>
public sealed record PublishedYear(int Year, VintageInfo Vintage, ParticipantYear World);

/// <summary>A participant's figures in the latest vintage of each published year, oldest first.</summary>
public sealed record ParticipantHistoryYear(int Year, int Vintage, ParticipantYear Figures);

/// <summary>
/// Reads published statistics: the published years, a year's vintages and rows, a participant's
/// history. Only vintages are read here — the public never sees live figures — except
/// <see cref="LiveAsync"/>, the secretariat's preview.
/// </summary>
public sealed class PublishedStatistics(OpenKpDb db, AnnualFigures figures, ParticipantDirectory directory)
{
    /// <summary>Every published year, latest first, with its latest vintage and world total.</summary>
    public async Task<IReadOnlyList<PublishedYear>> YearsAsync(CancellationToken ct)
    {
        var latest = await LatestVintagesAsync(ct);
        var ids = latest.Select(v => v.Id).ToList();
        var sums = await db.VintageRows.AsNoTracking()
            .Where(r => ids.Contains(r.StatisticsVintageId))
            .GroupBy(r => r.StatisticsVintageId)
            .Select(g => new
            {
                Id = g.Key,
                PC = g.Sum(r => r.ProductionCaratsHundredths),
                PU = g.Sum(r => r.ProductionUsdCents),
                EC = g.Sum(r => r.ExportCaratsHundredths),
                EU = g.Sum(r => r.ExportUsdCents),
                EN = g.Sum(r => r.ExportCertificates),
                IC = g.Sum(r => r.ImportCaratsHundredths),
                IU = g.Sum(r => r.ImportUsdCents),
                IN = g.Sum(r => r.ImportCertificates),
                Missing = g.Count(r => !r.ProductionSubmitted),
            })
            .ToDictionaryAsync(s => s.Id, ct);
        return [.. latest.OrderByDescending(v => v.Year).Select(v =>
        {
            var s = sums.GetValueOrDefault(v.Id);
            var world = s is null
                ? new ParticipantYear(StatisticsTable.World, 0, 0, 0, 0, 0, 0, 0, 0, true)
                : new ParticipantYear(StatisticsTable.World, s.PC, s.PU, s.EC, s.EU, s.EN, s.IC, s.IU, s.IN, s.Missing == 0);
            return new PublishedYear(v.Year, Info(v), world);
        })];
    }

    /// <summary>Whether the year has at least one vintage.</summary>
    public Task<bool> IsPublishedAsync(int year, CancellationToken ct) => db.StatisticsVintages.AnyAsync(v => v.Year == year, ct);

    /// <summary>The year's vintages, oldest first (empty when unpublished).</summary>
    public async Task<IReadOnlyList<VintageInfo>> VintagesAsync(int year, CancellationToken ct)
        => [.. (await db.StatisticsVintages.AsNoTracking().Where(v => v.Year == year).OrderBy(v => v.Number).ToListAsync(ct)).Select(Info)];

    /// <summary>A published vintage of the year (the latest when <paramref name="number"/> is null); null when there is none.</summary>
    public async Task<YearTable?> PublishedAsync(int year, int? number, CancellationToken ct)
    {
        var query = db.StatisticsVintages.AsNoTracking().Include(v => v.Rows).Where(v => v.Year == year);
        var vintage = number is { } n
            ? await query.SingleOrDefaultAsync(v => v.Number == n, ct)
            : await query.OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        return vintage is null ? null : new YearTable(year, Info(vintage), [.. vintage.Rows.Select(Row).OrderBy(r => r.Participant, StringComparer.Ordinal)], await NamesAsync(ct));
    }

    /// <summary>The live figures of the year (the secretariat's preview before publishing, or of the next vintage).</summary>
    public async Task<YearTable> LiveAsync(int year, CancellationToken ct)
        => new(year, null, await figures.ForYearAsync(year, ct), await NamesAsync(ct));

    /// <summary>One participant's figures in the latest vintage of every published year, oldest first.</summary>
    public async Task<IReadOnlyList<ParticipantHistoryYear>> HistoryAsync(string participant, CancellationToken ct)
    {
        var latest = await LatestVintagesAsync(ct);
        var ids = latest.Select(v => v.Id).ToList();
        var rows = await db.VintageRows.AsNoTracking()
            .Where(r => ids.Contains(r.StatisticsVintageId) && r.ParticipantCode == participant)
            .ToListAsync(ct);
        var byId = latest.ToDictionary(v => v.Id);
        return [.. rows.Select(r => new ParticipantHistoryYear(byId[r.StatisticsVintageId].Year, byId[r.StatisticsVintageId].Number, Row(r))).OrderBy(h => h.Year)];
    }

    /// <summary>
    /// The years the secretariat may consider: every year from the first with data (a certificate, a
    /// production return, an upload or a vintage) to the current one, latest first.
    /// </summary>
    public async Task<IReadOnlyList<int>> YearsWithDataAsync(int currentYear, CancellationToken ct)
    {
        var firstCertificate = await db.Certificates.AsNoTracking().MinAsync(c => (DateOnly?)c.IssuedOn, ct);
        var firstReturn = await db.ProductionReturns.AsNoTracking().MinAsync(r => (int?)r.Year, ct);
        var firstUpload = await db.TradeSubmissions.AsNoTracking().MinAsync(s => (int?)s.Year, ct);
        var firstVintage = await db.StatisticsVintages.AsNoTracking().MinAsync(v => (int?)v.Year, ct);
        int?[] firsts = [firstCertificate?.Year, firstReturn, firstUpload, firstVintage];
        var first = firsts.Where(y => y is not null).Select(y => y!.Value).DefaultIfEmpty(currentYear).Min();
        return [.. Enumerable.Range(first, Math.Max(0, currentYear - first + 1)).Reverse()];
    }

    /// <summary>Participant names (English, as the registry holds them) by code.</summary>
    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(CancellationToken ct)
        => (await directory.SnapshotAsync(ct)).Participants.ToDictionary(p => p.Code, p => p.NameEn, StringComparer.Ordinal);

    private async Task<List<StatisticsVintage>> LatestVintagesAsync(CancellationToken ct)
        => await db.StatisticsVintages.AsNoTracking()
            .Where(v => v.Number == db.StatisticsVintages.Where(o => o.Year == v.Year).Max(o => o.Number))
            .ToListAsync(ct);

    internal static VintageInfo Info(StatisticsVintage v) => new(v.Number, DateTime.SpecifyKind(v.PublishedAt, DateTimeKind.Utc), v.PublishedBy, v.Reason);

    internal static ParticipantYear Row(VintageRow r) => new(
        r.ParticipantCode,
        r.ProductionCaratsHundredths, r.ProductionUsdCents,
        r.ExportCaratsHundredths, r.ExportUsdCents, r.ExportCertificates,
        r.ImportCaratsHundredths, r.ImportUsdCents, r.ImportCertificates,
        r.ProductionSubmitted);
}
