using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>One narrative section in one language: its text, and whether the secretariat wrote it (else it is the default drafted from the figures).</summary>
public sealed record ChairReportNarrative(string Key, string Language, string Text, bool Written);

/// <summary>
/// A Chair's report as read: its status, the figures (live for a draft, frozen for an issued report) and the
/// narrative of every section in every language.
/// </summary>
public sealed record ChairReportView(
    int Year,
    string Status,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? IssuedAt,
    string? IssuedBy,
    Guid Version,
    ChairReportFigures Figures,
    IReadOnlyList<ChairReportNarrative> Narrative)
{
    public bool IsIssued => Status == "issued";

    public string Text(string key, string language) => Narrative.FirstOrDefault(n => n.Key == key && n.Language == language)?.Text ?? "";
}

/// <summary>A report as the list shows it.</summary>
public sealed record ChairReportSummary(int Year, string Status, DateTime CreatedAt, DateTime? IssuedAt);

/// <summary>
/// The Chair's annual report to the UN General Assembly: drafted for a year (figures live from the data),
/// its narrative written per section and language, then issued — figures and narrative frozen for good.
/// Drafts are the secretariat's alone; an issued report is public.
/// </summary>
public sealed class ChairReportDesk(OpenKpDb db, ChairReportDrafter drafter, IAuditActor actor, TimeProvider clock)
{
    /// <summary>The narrative sections, in the report's order.</summary>
    public static IReadOnlyList<string> SectionKeys { get; } = ["introduction", "implementation", "cooperation", "recommendations", "outlook"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Every report the reader may see (drafts for the secretariat only), latest year first.</summary>
    public async Task<Paged<ChairReportSummary>> ListAsync(ComplianceReader reader, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var query = Visible(reader);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.Year).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new { r.Year, r.Status, r.CreatedAt, r.IssuedAt }).ToListAsync(ct);
        return new Paged<ChairReportSummary>([.. items.Select(r => new ChairReportSummary(r.Year, Input.Kebab(r.Status), Utc(r.CreatedAt), r.IssuedAt is { } i ? Utc(i) : null))], page, pageSize, total);
    }

    /// <summary>The report of the year, if the reader may see it (a draft is "not found" for anyone but the secretariat).</summary>
    public async Task<Outcome<ChairReportView>> FindAsync(ComplianceReader reader, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var report = await Visible(reader).Include(r => r.Sections).AsNoTracking().SingleOrDefaultAsync(r => r.Year == year, ct);
        return report is null ? NotFound(year) : Outcome<ChairReportView>.Success(await ViewAsync(report, ct));
    }

    /// <summary>Drafts the report of a year (the secretariat): one per year, for a year begun.</summary>
    public async Task<Outcome<ChairReportView>> CreateAsync(ComplianceReader reader, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.IsSecretariat)
        {
            return Outcome<ChairReportView>.Forbidden(new(ChairReportCodes.SecretariatOnly, "The secretariat drafts the Chair's report.", "year"));
        }

        if (year > clock.GetUtcNow().Year)
        {
            return Outcome<ChairReportView>.Invalid(new Violation(ChairReportCodes.YearInFuture, $"The report for {year} is drafted once the year has begun.", "year"));
        }

        if (await db.ChairReports.AnyAsync(r => r.Year == year, ct))
        {
            return Outcome<ChairReportView>.Conflict(new(ChairReportCodes.Exists, $"The Chair's report for {year} is already drafted.", "year"));
        }

        var report = new ChairReport { Year = year, Status = ChairReportStatus.Draft, CreatedBy = actor.UserName, CreatedAt = Now };
        db.ChairReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ChairReportView>.Conflict(new(ChairReportCodes.Exists, $"The Chair's report for {year} is already drafted.", "year"));
        }

        return Outcome<ChairReportView>.Success(await ViewAsync(report, ct));
    }

    /// <summary>Writes one section in one language of a draft; blank text goes back to the default drafted from the figures.</summary>
    public Task<Outcome<ChairReportView>> EditSectionAsync(ComplianceReader reader, int year, string key, string language, string? text, Guid? version, CancellationToken ct = default)
    {
        var violations = new List<Violation>();
        if (!SectionKeys.Contains(key))
        {
            return Task.FromResult(Outcome<ChairReportView>.NotFound(new(ChairReportCodes.SectionUnknown, $"'{key}' is not a section of the report ({string.Join(", ", SectionKeys)}).", "key")));
        }

        if (!ChairReportLabels.IsSupported(language))
        {
            return Task.FromResult(Outcome<ChairReportView>.NotFound(new(ChairReportCodes.LanguageUnsupported, $"The report is written in {string.Join(", ", ChairReportLabels.Languages)}.", "language")));
        }

        return ChangeAsync(reader, year, version, report =>
        {
            var section = report.Sections.SingleOrDefault(s => s.Key == key && s.Language == language);
            if (string.IsNullOrWhiteSpace(text))
            {
                if (section is not null)
                {
                    report.Sections.Remove(section);
                    db.ChairReportSections.Remove(section);
                }
            }
            else if (section is null)
            {
                report.Sections.Add(new ChairReportSection { Key = key, Language = language, Text = text.Trim() });
            }
            else
            {
                section.Text = text.Trim();
            }
        }, ct);
    }

    /// <summary>Issues the draft: the figures are frozen as JSON and every section's text (written or default) is stored, in every language.</summary>
    public Task<Outcome<ChairReportView>> IssueAsync(ComplianceReader reader, int year, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, year, version, async report =>
        {
            var figures = await drafter.DraftAsync(year, ct);
            foreach (var language in ChairReportLabels.Languages)
            {
                foreach (var key in SectionKeys.Where(k => !report.Sections.Any(s => s.Key == k && s.Language == language)))
                {
                    report.Sections.Add(new ChairReportSection { Key = key, Language = language, Text = ChairReportDocument.DefaultText(key, figures, language) });
                }
            }

            report.IssuedSnapshot = JsonSerializer.Serialize(figures, Json);
            report.Status = ChairReportStatus.Issued;
            report.IssuedAt = Now;
            report.IssuedBy = actor.UserName;
        }, ct);

    private Task<Outcome<ChairReportView>> ChangeAsync(ComplianceReader reader, int year, Guid? version, Action<ChairReport> change, CancellationToken ct)
        => ChangeAsync(reader, year, version, r =>
        {
            change(r);
            return Task.CompletedTask;
        }, ct);

    private async Task<Outcome<ChairReportView>> ChangeAsync(ComplianceReader reader, int year, Guid? version, Func<ChairReport, Task> change, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var report = await Visible(reader).Include(r => r.Sections).SingleOrDefaultAsync(r => r.Year == year, ct);
        if (report is null)
        {
            return NotFound(year);
        }

        if (!reader.IsSecretariat)
        {
            return Outcome<ChairReportView>.Forbidden(new(ChairReportCodes.SecretariatOnly, "The secretariat writes and issues the Chair's report.", "year"));
        }

        if (report.Status == ChairReportStatus.Issued)
        {
            return Outcome<ChairReportView>.Conflict(new(ChairReportCodes.Issued, $"The Chair's report for {year} was issued: it no longer changes.", "status"));
        }

        if (version is { } v && v != report.Version)
        {
            return Changed(year);
        }

        await change(report);
        db.Entry(report).Property(x => x.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Changed(year);
        }

        return Outcome<ChairReportView>.Success(await ViewAsync(report, ct));
    }

    private async Task<ChairReportView> ViewAsync(ChairReport report, CancellationToken ct)
    {
        var figures = report.Status == ChairReportStatus.Issued && report.IssuedSnapshot is { } snapshot
            ? JsonSerializer.Deserialize<ChairReportFigures>(snapshot, Json)!
            : await drafter.DraftAsync(report.Year, ct);
        var narrative = new List<ChairReportNarrative>();
        foreach (var language in ChairReportLabels.Languages)
        {
            foreach (var key in SectionKeys)
            {
                var written = report.Sections.SingleOrDefault(s => s.Key == key && s.Language == language);
                narrative.Add(new(key, language, written?.Text ?? ChairReportDocument.DefaultText(key, figures, language), written is not null && report.Status == ChairReportStatus.Draft));
            }
        }

        return new ChairReportView(report.Year, Input.Kebab(report.Status), Utc(report.CreatedAt), report.CreatedBy,
            report.IssuedAt is { } i ? Utc(i) : null, report.IssuedBy, report.Version, figures, narrative);
    }

    private IQueryable<ChairReport> Visible(ComplianceReader reader)
        => reader.IsSecretariat ? db.ChairReports : db.ChairReports.Where(r => r.Status == ChairReportStatus.Issued);

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private static Outcome<ChairReportView> NotFound(int year)
        => Outcome<ChairReportView>.NotFound(new(ChairReportCodes.NotFound, $"There is no Chair's report for {year}.", "year"));

    private static Outcome<ChairReportView> Changed(int year)
        => Outcome<ChairReportView>.Conflict(new(ChairReportCodes.Changed, $"The Chair's report for {year} changed since you read it: reload it.", "version"));
}
