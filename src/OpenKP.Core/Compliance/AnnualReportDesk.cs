using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Statistics;

namespace OpenKP.Compliance;

/// <summary>
/// One section of the annual report template: its stable key (API fields, form fields, violation fields), its
/// English title (the PDF's headings) and the column it lives in.
/// </summary>
public sealed record AnnualReportSection(string Key, string Title, Func<AnnualReport, string?> Get, Action<AnnualReport, string?> Set)
{
    /// <summary>The template's sections, in the template's order.</summary>
    public static IReadOnlyList<AnnualReportSection> All { get; } =
    [
        new("legalFramework", "Legal framework and institutions", r => r.LegalFramework, (r, v) => r.LegalFramework = v),
        new("internalControls", "Internal controls from mine to export", r => r.InternalControls, (r, v) => r.InternalControls = v),
        new("artisanalAlluvial", "Artisanal and alluvial production", r => r.ArtisanalAlluvial, (r, v) => r.ArtisanalAlluvial = v),
        new("statisticsSummary", "Statistics summary", r => r.StatisticsSummary, (r, v) => r.StatisticsSummary = v),
        new("enforcement", "Enforcement and infringements", r => r.Enforcement, (r, v) => r.Enforcement = v),
        new("cooperation", "Cooperation", r => r.Cooperation, (r, v) => r.Cooperation = v),
        new("systemOfWarranties", "System of Warranties oversight", r => r.SystemOfWarranties, (r, v) => r.SystemOfWarranties = v),
        new("challenges", "Challenges and technical-assistance needs", r => r.Challenges, (r, v) => r.Challenges = v),
    ];

    /// <summary>A section answers the template substantively when it has at least this many words.</summary>
    public const int SubstantiveWords = 20;

    /// <summary>
    /// The completeness score the desk suggests to the assessor, 0–100: the share of the template's sections
    /// written with substantive text (at least <see cref="SubstantiveWords"/> words), rounded.
    /// </summary>
    public static int SuggestedScore(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var substantive = All.Count(s => Words(s.Get(report)) >= SubstantiveWords);
        return (int)Math.Round(100m * substantive / All.Count, MidpointRounding.AwayFromZero);
    }

    private static int Words(string? text) => string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}

/// <summary>
/// The deadlines of compliance work. <see cref="AnnualReportDueMonth"/>/<see cref="AnnualReportDueDay"/>: the day in the
/// following year by which a year's annual report is due (configuration <c>OpenKP:Compliance:AnnualReportDue</c>, <c>MM-dd</c>,
/// default <c>06-01</c>: the report for 2025 is due on 2026-06-01). <see cref="DueSoonDays"/>: how many days before a due
/// date the "due soon" reminder goes out (<c>OpenKP:Compliance:DueSoonDays</c>, default 30).
/// </summary>
public sealed record ComplianceDeadlineSettings(int AnnualReportDueMonth = 6, int AnnualReportDueDay = 1, int DueSoonDays = 30)
{
    public static ComplianceDeadlineSettings Default { get; } = new();

    /// <summary>The day a year's annual report is due.</summary>
    public DateOnly AnnualReportDueOn(int year) => new(year + 1, AnnualReportDueMonth, AnnualReportDueDay);

    /// <summary>Reads the configured values (null or blank: the defaults); throws on a malformed value so a bad configuration stops the start.</summary>
    public static ComplianceDeadlineSettings Parse(string? annualReportDue, string? dueSoonDays)
    {
        var settings = Default;
        if (!string.IsNullOrWhiteSpace(annualReportDue))
        {
            // Checked against a non-leap year: a due day must exist every year.
            if (!DateOnly.TryParseExact("2001-" + annualReportDue.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                throw new FormatException($"OpenKP:Compliance:AnnualReportDue '{annualReportDue}' is not a month-day such as 06-01.");
            }

            settings = settings with { AnnualReportDueMonth = day.Month, AnnualReportDueDay = day.Day };
        }

        if (!string.IsNullOrWhiteSpace(dueSoonDays))
        {
            if (!int.TryParse(dueSoonDays, NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 365)
            {
                throw new FormatException($"OpenKP:Compliance:DueSoonDays '{dueSoonDays}' is not a number of days from 1 to 365.");
            }

            settings = settings with { DueSoonDays = days };
        }

        return settings;
    }
}

/// <summary>The template's sections as written by the participant; null or blank leaves a section empty.</summary>
public sealed record AnnualReportText(
    string? LegalFramework, string? InternalControls, string? ArtisanalAlluvial, string? StatisticsSummary,
    string? Enforcement, string? Cooperation, string? SystemOfWarranties, string? Challenges)
{
    public string? this[string key] => key switch
    {
        "legalFramework" => LegalFramework,
        "internalControls" => InternalControls,
        "artisanalAlluvial" => ArtisanalAlluvial,
        "statisticsSummary" => StatisticsSummary,
        "enforcement" => Enforcement,
        "cooperation" => Cooperation,
        "systemOfWarranties" => SystemOfWarranties,
        "challenges" => Challenges,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a section of the annual report."),
    };
}

/// <summary>Which annual reports to list; null means any.</summary>
public sealed record AnnualReportFilter(int? Year = null, string? Participant = null, AnnualReportStatus? Status = null);

/// <summary>Where a member's report for a year stands against its due date.</summary>
public enum AnnualReportStanding
{
    /// <summary>Not submitted (no report, or a draft) and not yet due.</summary>
    Pending,
    /// <summary>Not submitted (no report, or a draft) and past its due date: late and missing.</summary>
    Late,
    SubmittedOnTime,
    SubmittedLate,
}

/// <summary>One line of the late and missing list: a participant that belonged to the scheme during the year, and its report.</summary>
public sealed record AnnualReportStatusLine(string Participant, string Name, AnnualReportStatus? Status, DateTime? SubmittedAt, AnnualReportStanding Standing);

/// <summary>The late and missing list of a year: its due date and every member's line.</summary>
public sealed record AnnualReportStatusList(int Year, DateOnly DueOn, IReadOnlyList<AnnualReportStatusLine> Lines);

/// <summary>
/// Annual reports (issue 7 item 4): a participant's authority officers (or the secretariat) start the draft of a
/// year — its statistics summary prefilled from OpenKP's figures — edit the template's sections and submit it
/// (read-only from then, shared with the scheme); the secretariat, for the Working Group on Monitoring, assesses
/// it with comments and a completeness score. Who sees what is <see cref="ComplianceReader"/>'s: drafts only the
/// participant concerned and the secretariat (others are told it does not exist), submitted reports every shared reader.
/// Each change checks the version the caller read.
/// </summary>
public sealed class AnnualReportDesk(OpenKpDb db, AnnualFigures figures, ParticipantDirectory directory, Notifier notifier, ComplianceDeadlineSettings settings, TimeProvider clock)
{
    private const int MaxText = 20000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The reports the reader sees: every submitted or assessed one, and drafts of the participant it acts for.</summary>
    public async Task<Paged<AnnualReport>> ListAsync(ComplianceReader reader, AnnualReportFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Visible(reader, db.AnnualReports.AsNoTracking());
        if (filter.Year is { } y)
        {
            query = query.Where(r => r.Year == y);
        }

        if (filter.Participant is { } p)
        {
            query = query.Where(r => r.ParticipantCode == p);
        }

        if (filter.Status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(r => r.Year).ThenBy(r => r.ParticipantCode).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<AnnualReport>(items, page, pageSize, total);
    }

    public async Task<Outcome<AnnualReport>> FindAsync(ComplianceReader reader, string participant, int year, CancellationToken ct = default)
        => await Visible(reader, db.AnnualReports.AsNoTracking()).SingleOrDefaultAsync(r => r.ParticipantCode == participant && r.Year == year, ct) is { } r
            ? Outcome<AnnualReport>.Success(r)
            : NotFound(participant, year);

    /// <summary>Starts the draft of a year (≥ 2003, ≤ this year) for a participant that belonged to the scheme that year, its statistics summary prefilled.</summary>
    public async Task<Outcome<AnnualReport>> StartAsync(ComplianceReader reader, string participant, int year, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (!reader.ActsFor(participant))
        {
            return Outcome<AnnualReport>.Forbidden(new(AnnualReportCodes.Forbidden, $"Only {participant}'s authority officers and the secretariat write its annual report.", "code"));
        }

        var registry = await directory.SnapshotAsync(ct);
        if (registry.Find(participant) is null)
        {
            return Outcome<AnnualReport>.NotFound(new(AnnualReportCodes.ParticipantUnknown, $"There is no participant {participant}.", "code"));
        }

        if (year < 2003 || year > Today.Year)
        {
            return Outcome<AnnualReport>.Invalid(new Violation(AnnualReportCodes.YearOutOfRange, $"An annual report covers a year of the scheme, 2003 to {Today.Year}.", "year"));
        }

        if (!AnnualFigures.MembersIn(registry, year).Contains(participant))
        {
            return Outcome<AnnualReport>.Invalid(new Violation(AnnualReportCodes.NotAMember, $"{participant} did not belong to the scheme in {year}: it has no annual report to make.", "year"));
        }

        if (await db.AnnualReports.AnyAsync(r => r.ParticipantCode == participant && r.Year == year, ct))
        {
            return Outcome<AnnualReport>.Conflict(new(AnnualReportCodes.AlreadyStarted, $"{participant}'s annual report for {year} is already started.", "year"));
        }

        var line = (await figures.ForYearAsync(year, ct)).FirstOrDefault(f => f.Participant == participant);
        var report = new AnnualReport
        {
            ParticipantCode = participant,
            Year = year,
            Status = AnnualReportStatus.Draft,
            StatisticsSummary = line is null ? null : Summary(line, year),
            CreatedBy = reader.Name,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.AnnualReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another officer started the same year at the same moment (the unique index on participant and year).
            db.ChangeTracker.Clear();
            return Outcome<AnnualReport>.Conflict(new(AnnualReportCodes.AlreadyStarted, $"{participant}'s annual report for {year} is already started.", "year"));
        }

        return Outcome<AnnualReport>.Success(report);
    }

    /// <summary>The statistics summary as prefilled: OpenKP's production, export and import figures for the year, in plain text the participant may edit.</summary>
    public static string Summary(ParticipantYear f, int year)
    {
        ArgumentNullException.ThrowIfNull(f);
        var c = CultureInfo.InvariantCulture;
        return string.Join('\n',
            $"Figures recorded in OpenKP for {year}:",
            string.Create(c, $"Production: {f.ProductionCaratsHundredths / 100m:N2} carats, US$ {f.ProductionUsdCents / 100m:N2}{(f.ProductionSubmitted ? string.Empty : " (production returns incomplete)")}."),
            string.Create(c, $"Exports: {f.ExportCaratsHundredths / 100m:N2} carats, US$ {f.ExportUsdCents / 100m:N2}, {f.ExportCertificates:N0} certificates."),
            string.Create(c, $"Imports: {f.ImportCaratsHundredths / 100m:N2} carats, US$ {f.ImportUsdCents / 100m:N2}, {f.ImportCertificates:N0} certificates."));
    }

    /// <summary>Replaces the draft's sections (each at most 20,000 characters).</summary>
    public Task<Outcome<AnnualReport>> EditAsync(ComplianceReader reader, string participant, int year, AnnualReportText text, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, participant, year, version, AnnualReportStatus.Draft, owner: true, r =>
        {
            ArgumentNullException.ThrowIfNull(text);
            var violations = AnnualReportSection.All.Where(s => text[s.Key]?.Length > MaxText)
                .Select(s => new Violation(InputCodes.TooLong, $"'{s.Key}' is at most {MaxText} characters.", s.Key)).ToList();
            if (violations.Count > 0)
            {
                return violations;
            }

            foreach (var s in AnnualReportSection.All)
            {
                s.Set(r, string.IsNullOrWhiteSpace(text[s.Key]) ? null : text[s.Key]!.Trim());
            }

            r.UpdatedAt = Now;
            return [];
        }, ct);

    /// <summary>Submits the draft (every section written; write "not applicable" where it is): read-only and shared from now; the secretariat is told.</summary>
    public Task<Outcome<AnnualReport>> SubmitAsync(ComplianceReader reader, string participant, int year, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, participant, year, version, AnnualReportStatus.Draft, owner: true, r =>
        {
            var violations = AnnualReportSection.All.Where(s => string.IsNullOrWhiteSpace(s.Get(r)))
                .Select(s => new Violation(AnnualReportCodes.SectionRequired, $"'{s.Title}' is empty: write it (or say why it does not apply) before submitting.", s.Key)).ToList();
            if (violations.Count > 0)
            {
                return violations;
            }

            (r.Status, r.SubmittedAt, r.SubmittedBy, r.UpdatedAt) = (AnnualReportStatus.Submitted, Now, reader.Name, Now);
            var due = settings.AnnualReportDueOn(year);
            notifier.Publish(new Notice(
                NoticeTypes.AnnualReportSubmitted,
                $"{participant} submitted its annual report for {year}",
                string.Create(CultureInfo.InvariantCulture, $"{participant}'s annual report for {year} was submitted by {reader.Name} on {Today:yyyy-MM-dd} (due {due:yyyy-MM-dd}{(Today > due ? ", late" : string.Empty)}). It awaits the Working Group on Monitoring's assessment."),
                Link(participant, year),
                [Audience.Secretariat],
                new Dictionary<string, object?> { ["participant"] = participant, ["year"] = year, ["late"] = Today > due }));
            return [];
        }, ct);

    /// <summary>The Working Group on Monitoring's assessment (the secretariat): comments and a completeness score 0–100; the participant is told.</summary>
    public Task<Outcome<AnnualReport>> AssessAsync(ComplianceReader reader, string participant, int year, string? comments, int score, Guid? version, CancellationToken ct = default)
        => ChangeAsync(reader, participant, year, version, AnnualReportStatus.Submitted, owner: false, r =>
        {
            var violations = new List<Violation>();
            if (string.IsNullOrWhiteSpace(comments))
            {
                violations.Add(new(AnnualReportCodes.CommentsRequired, "The assessment needs the Working Group on Monitoring's comments.", "comments"));
            }
            else if (comments.Length > MaxText)
            {
                violations.Add(new(InputCodes.TooLong, $"'comments' is at most {MaxText} characters.", "comments"));
            }

            if (score is < 0 or > 100)
            {
                violations.Add(new(AnnualReportCodes.ScoreOutOfRange, "The completeness score is 0 to 100.", "score"));
            }

            if (violations.Count > 0)
            {
                return violations;
            }

            (r.Status, r.AssessmentComments, r.CompletenessScore, r.AssessedBy, r.AssessedAt, r.UpdatedAt) =
                (AnnualReportStatus.Assessed, comments!.Trim(), score, reader.Name, Now, Now);
            notifier.Publish(new Notice(
                NoticeTypes.AnnualReportAssessed,
                $"Your annual report for {year} was assessed",
                string.Create(CultureInfo.InvariantCulture, $"The Working Group on Monitoring assessed {participant}'s annual report for {year}: completeness {score}/100."),
                Link(participant, year),
                [Audience.Authority(participant), Audience.Secretariat],
                new Dictionary<string, object?> { ["participant"] = participant, ["year"] = year, ["score"] = score }));
            return [];
        }, ct);

    /// <summary>
    /// The late and missing list of <paramref name="year"/>: every participant that belonged to the scheme during the
    /// year (not applicants, not those gone before it) with where its report stands against the due date, judged on <paramref name="today"/>.
    /// </summary>
    public async Task<AnnualReportStatusList> StatusAsync(int year, DateOnly today, CancellationToken ct = default)
    {
        var registry = await directory.SnapshotAsync(ct);
        var members = AnnualFigures.MembersIn(registry, year);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year)
            .Select(r => new { r.ParticipantCode, r.Status, r.SubmittedAt }).ToListAsync(ct);
        var byCode = reports.ToDictionary(r => r.ParticipantCode, StringComparer.Ordinal);
        var due = settings.AnnualReportDueOn(year);
        return new AnnualReportStatusList(year, due, [.. members.Select(code =>
        {
            var r = byCode.GetValueOrDefault(code);
            var standing = r?.SubmittedAt is { } at
                ? DateOnly.FromDateTime(at) > due ? AnnualReportStanding.SubmittedLate : AnnualReportStanding.SubmittedOnTime
                : today > due ? AnnualReportStanding.Late : AnnualReportStanding.Pending;
            return new AnnualReportStatusLine(code, registry.Find(code)?.NameEn ?? code, r?.Status, r?.SubmittedAt, standing);
        })]);
    }

    /// <summary>The participant's name in English (the PDF's title), or its code.</summary>
    public async Task<string> NameOfAsync(string participant, CancellationToken ct = default)
        => (await directory.SnapshotAsync(ct)).Find(participant)?.NameEn ?? participant;

    public static string Link(string participant, int year) => string.Create(CultureInfo.InvariantCulture, $"/compliance/annual-reports/{participant}/{year}");

    private static IQueryable<AnnualReport> Visible(ComplianceReader reader, IQueryable<AnnualReport> query)
    {
        if (reader.IsSecretariat)
        {
            return query;
        }

        if (!reader.SeesShared)
        {
            return query.Where(_ => false);
        }

        var own = reader.Role == ComplianceRole.Authority ? reader.Participant : null;
        return query.Where(r => r.Status != AnnualReportStatus.Draft || r.ParticipantCode == own);
    }

    private async Task<Outcome<AnnualReport>> ChangeAsync(
        ComplianceReader reader, string participant, int year, Guid? version, AnnualReportStatus from, bool owner,
        Func<AnnualReport, IReadOnlyList<Violation>> change, CancellationToken ct)
    {
        var r = await Visible(reader, db.AnnualReports).SingleOrDefaultAsync(x => x.ParticipantCode == participant && x.Year == year, ct);
        if (r is null)
        {
            return NotFound(participant, year);
        }

        if (owner ? !reader.ActsFor(participant) : !reader.IsSecretariat)
        {
            return Outcome<AnnualReport>.Forbidden(new(AnnualReportCodes.Forbidden, owner
                ? $"Only {participant}'s authority officers and the secretariat write its annual report."
                : "The secretariat assesses annual reports for the Working Group on Monitoring.", "code"));
        }

        if (r.Status != from)
        {
            return Outcome<AnnualReport>.Conflict(from == AnnualReportStatus.Draft
                ? new(AnnualReportCodes.NotDraft, $"{participant}'s annual report for {year} is {Input.Kebab(r.Status)}: it can no longer change.", "status")
                : new(AnnualReportCodes.NotSubmitted, $"{participant}'s annual report for {year} is {Input.Kebab(r.Status)}; only a submitted report is assessed.", "status"));
        }

        if (version is { } v && v != r.Version)
        {
            return Changed(participant, year);
        }

        if (change(r) is { Count: > 0 } violations)
        {
            db.ChangeTracker.Clear();
            return Outcome<AnnualReport>.Invalid(violations);
        }

        r.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Changed(participant, year);
        }

        return Outcome<AnnualReport>.Success(r);
    }

    private static Outcome<AnnualReport> Changed(string participant, int year)
        => Outcome<AnnualReport>.Conflict(new(AnnualReportCodes.Changed, $"{participant}'s annual report for {year} changed since you read it: reload it.", "version"));

    private static Outcome<AnnualReport> NotFound(string participant, int year)
        => Outcome<AnnualReport>.NotFound(new(AnnualReportCodes.NotFound, $"You have no annual report of {participant} for {year}.", "year"));
}
