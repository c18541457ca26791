using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Statistics;

namespace OpenKP.Compliance;

/// <summary>A participant (or applicant) as the report names it, in English and French.</summary>
public sealed record ReportParticipant(string Code, string NameEn, string NameFr)
{
    public string Name(string language) => ChairReportLabels.IsFrench(language) ? NameFr : NameEn;
}

/// <summary>A change of a participant's standing during the year: suspension, self-suspension, special measures or withdrawal.</summary>
public sealed record ReportStatusChange(ReportParticipant Participant, string Status, DateOnly EffectiveOn);

public sealed record ReportMeeting(string Kind, string Title, string Place, DateOnly StartsOn, DateOnly EndsOn);

public sealed record ReportDecision(string? Number, string Title, DateOnly AdoptedOn);

/// <summary>A review visit or mission held in the year (<see cref="Kind"/> <c>visit</c> or <c>mission</c>).</summary>
public sealed record ReportReview(ReportParticipant Participant, string Kind, DateOnly StartsOn, DateOnly EndsOn, bool FinalReport, int Recommendations);

public sealed record ReportBodyOutcome(string Code, string NameEn, string NameFr, string Text);

/// <summary>
/// World totals of the year from the statistics: carats in hundredths, US$ in cents, certificates issued for
/// export. <see cref="Source"/> is <c>published</c> (with its <see cref="Vintage"/>) or <c>live</c> (the year is not published yet).
/// </summary>
public sealed record ReportWorld(
    string Source,
    int? Vintage,
    long ProductionCaratsHundredths,
    long ProductionUsdCents,
    long ExportCaratsHundredths,
    long ExportUsdCents,
    long ImportCaratsHundredths,
    long ImportUsdCents,
    int Certificates);

/// <summary>
/// The figures of the Chair's report for <see cref="Year"/>, as drafted from the data on <see cref="DraftedAt"/>.
/// Participation is counted on 31 December of the year (<see cref="AsOf"/>). Annual reports are those on the
/// previous year (<see cref="AnnualReportsYear"/> = year − 1), received during the year the report covers, out
/// of the participants of that previous year. Issuing stores this record as JSON so the issued report never changes.
/// </summary>
public sealed record ChairReportFigures(
    int Year,
    DateOnly AsOf,
    DateTime DraftedAt,
    ReportParticipant? Chair,
    ReportParticipant? ViceChair,
    string? ChairPerson,
    int Participants,
    int Countries,
    int EuMemberStates,
    IReadOnlyList<ReportParticipant> Admissions,
    IReadOnlyList<ReportStatusChange> StatusChanges,
    IReadOnlyList<ReportMeeting> Meetings,
    IReadOnlyList<ReportDecision> Decisions,
    IReadOnlyList<ReportReview> Reviews,
    int AnnualReportsYear,
    int AnnualReportsDue,
    int AnnualReportsReceived,
    int AnnualReportsAssessed,
    IReadOnlyList<ReportParticipant> AnnualReportsMissing,
    ReportWorld World,
    IReadOnlyList<ReportBodyOutcome> BodyOutcomes,
    int OpenCases,
    int OpenRecommendations,
    int ImplementedRecommendations);

/// <summary>
/// Gathers the figures of the Chair's report for a year straight from the registry, the compliance records and
/// the statistics. The counting rules:
/// <list type="bullet">
/// <item>a participant counts on a day when its status that day is active, special measures, zone-limited, suspended
/// or self-suspended (not an applicant, not withdrawn); the countries it represents are one for a State, the EU's
/// member states that day for the EU, none for a trading entity;</item>
/// <item>an admission is a status event becoming active in the year for a participant that was an applicant (or
/// had no status) before it, or an application admitted by a decision adopted in the year;</item>
/// <item>status changes are the year's status events to suspended, self-suspended, special measures or withdrawn;</item>
/// <item>meetings and reviews count by their first day; reviews not cancelled; decisions adopted in the year;</item>
/// <item>annual reports on year − 1 submitted or assessed, out of the participants counted on 31 December of year − 1;</item>
/// <item>world figures from the latest published vintage of the year, else the live figures (<see cref="ReportWorld.Source"/>);</item>
/// <item>cases open on 31 December of the year; recommendations open (open, in progress) and implemented (implemented, closed) as they stand.</item>
/// </list>
/// </summary>
public sealed class ChairReportDrafter(OpenKpDb db, ParticipantDirectory directory, PublishedStatistics statistics, TimeProvider clock)
{
    private static readonly ParticipantStatus[] Changes = [ParticipantStatus.Suspended, ParticipantStatus.SelfSuspended, ParticipantStatus.SpecialMeasures, ParticipantStatus.Withdrawn];

    public async Task<ChairReportFigures> DraftAsync(int year, CancellationToken ct = default)
    {
        var registry = await directory.SnapshotAsync(ct);
        var first = new DateOnly(year, 1, 1);
        var next = first.AddYears(1);
        var asOf = next.AddDays(-1);
        ReportParticipant Of(string code) => registry.Find(code) is { } p ? new(p.Code, p.NameEn, p.NameFr) : new(code, code, code);

        var (participants, countries, eu) = Count(registry, asOf);

        // Admissions: status events becoming active in the year after an applicant status (or none), and applications admitted by a decision of the year.
        var admitted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var p in registry.Participants)
        {
            var history = registry.History(p.Code);
            for (var i = 0; i < history.Count; i++)
            {
                var e = history[i];
                if (e.Status == ParticipantStatus.Active && e.EffectiveOn >= first && e.EffectiveOn < next
                    && (i == 0 || history[i - 1].Status == ParticipantStatus.Applicant))
                {
                    admitted.Add(p.Code);
                }
            }
        }

        var applications = await db.AdmissionApplications.AsNoTracking()
            .Where(a => a.Status == AdmissionStatus.Admitted && a.DecisionId != null)
            .Join(db.Decisions.Where(d => d.Status == DecisionStatus.Adopted && d.EffectiveOn >= first && d.EffectiveOn < next), a => a.DecisionId, d => d.Id, (a, d) => a)
            .ToListAsync(ct);
        // Counted in the year the admission takes effect (as the registry's events are), once per applicant.
        var applicants = applications.DistinctBy(a => a.ApplicantCode).ToDictionary(a => a.ApplicantCode, a => new ReportParticipant(a.ApplicantCode, a.ApplicantNameEn, a.ApplicantNameFr), StringComparer.Ordinal);
        foreach (var code in applicants.Keys)
        {
            admitted.Add(code);
        }

        var admissions = admitted.Select(c => registry.Find(c) is not null ? Of(c) : applicants[c]).ToList();

        var changes = registry.Participants
            .SelectMany(p => registry.History(p.Code))
            .Where(e => e.EffectiveOn >= first && e.EffectiveOn < next && Changes.Contains(e.Status))
            .OrderBy(e => e.EffectiveOn).ThenBy(e => e.ParticipantCode, StringComparer.Ordinal)
            .Select(e => new ReportStatusChange(Of(e.ParticipantCode), Kebab(e.Status), e.EffectiveOn))
            .ToList();

        var chair = await db.Chairmanships.AsNoTracking().SingleOrDefaultAsync(c => c.Year == year, ct);
        var meetings = (await db.Meetings.AsNoTracking().Where(m => m.StartsOn >= first && m.StartsOn < next).ToListAsync(ct))
            .OrderBy(m => m.StartsOn).ThenBy(m => m.Id)
            .Select(m => new ReportMeeting(Kebab(m.Kind), m.Title, m.Place, m.StartsOn, m.EndsOn)).ToList();
        var decisions = (await db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.Adopted && d.AdoptedOn >= first && d.AdoptedOn < next).ToListAsync(ct))
            .OrderBy(d => d.AdoptedOn).ThenBy(d => d.Number, StringComparer.Ordinal)
            .Select(d => new ReportDecision(d.Number, d.Title, d.AdoptedOn!.Value)).ToList();
        var reviews = (await db.PeerReviews.AsNoTracking().Include(r => r.Recommendations)
                .Where(r => r.StartsOn >= first && r.StartsOn < next && r.Status != ReviewStatus.Cancelled).ToListAsync(ct))
            .OrderBy(r => r.StartsOn).ThenBy(r => r.Id)
            .Select(r => new ReportReview(Of(r.ParticipantCode), Kebab(r.Kind), r.StartsOn, r.EndsOn, r.Status == ReviewStatus.Final, r.Recommendations.Count)).ToList();

        // Annual reports on the previous year, out of the participants of that year.
        var reportsYear = year - 1;
        var due = Counted(registry, new DateOnly(reportsYear, 12, 31)).ToHashSet(StringComparer.Ordinal);
        var received = await db.AnnualReports.AsNoTracking()
            .Where(r => r.Year == reportsYear && (r.Status == AnnualReportStatus.Submitted || r.Status == AnnualReportStatus.Assessed))
            .Select(r => new { r.ParticipantCode, r.Status })
            .ToListAsync(ct);
        var missing = due.Except(received.Select(r => r.ParticipantCode), StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(Of).ToList();

        var table = await statistics.PublishedAsync(year, null, ct) ?? await statistics.LiveAsync(year, ct);
        var w = table.World;
        var world = new ReportWorld(table.IsPublished ? "published" : "live", table.Vintage?.Number,
            w.ProductionCaratsHundredths, w.ProductionUsdCents, w.ExportCaratsHundredths, w.ExportUsdCents, w.ImportCaratsHundredths, w.ImportUsdCents, w.ExportCertificates);

        var outcomes = (await db.BodyOutcomes.AsNoTracking().Where(o => o.Year == year).ToListAsync(ct))
            .Select(o => (Body: WorkingBodies.Find(o.BodyCode), Outcome: o))
            .OrderBy(x => x.Body is null ? int.MaxValue : WorkingBodies.All.ToList().IndexOf(x.Body)).ThenBy(x => x.Outcome.Id)
            .Select(x => new ReportBodyOutcome(x.Outcome.BodyCode, x.Body?.NameEn ?? x.Outcome.BodyCode, x.Body?.NameFr ?? x.Outcome.BodyCode, x.Outcome.Text)).ToList();

        var end = next.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var openCases = await db.ComplianceCases.AsNoTracking().CountAsync(c => c.OpenedAt < end && (c.ClosedAt == null || c.ClosedAt >= end), ct);
        var openRecommendations = await db.Recommendations.AsNoTracking().CountAsync(r => r.Status == RecommendationStatus.Open || r.Status == RecommendationStatus.InProgress, ct);
        var implemented = await db.Recommendations.AsNoTracking().CountAsync(r => r.Status == RecommendationStatus.Implemented || r.Status == RecommendationStatus.Closed, ct);

        return new ChairReportFigures(
            year,
            asOf,
            clock.GetUtcNow().UtcDateTime,
            chair is null ? null : Of(chair.ChairParticipantCode),
            chair?.ViceChairParticipantCode is { } vice ? Of(vice) : null,
            chair?.ChairPerson,
            participants,
            countries,
            eu,
            admissions,
            changes,
            meetings,
            decisions,
            reviews,
            reportsYear,
            due.Count,
            received.Count,
            received.Count(r => r.Status == AnnualReportStatus.Assessed),
            missing,
            world,
            outcomes,
            openCases,
            openRecommendations,
            implemented);
    }

    /// <summary>The participants on a day, the countries they represent, and of those the EU's member states.</summary>
    public static (int Participants, int Countries, int EuMemberStates) Count(RegistrySnapshot registry, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var codes = Counted(registry, on).ToList();
        var eu = registry.EuMemberships.Where(m => m.Period.Contains(on)).Select(m => m.CountryCode).Distinct(StringComparer.Ordinal).Count();
        var countries = codes.Sum(c => registry.Find(c)!.Kind switch
        {
            ParticipantKind.State => 1,
            ParticipantKind.RegionalOrganisation => eu,
            _ => 0,
        });
        return (codes.Count, countries, codes.Any(c => registry.Find(c)!.Kind == ParticipantKind.RegionalOrganisation) ? eu : 0);
    }

    /// <summary>The codes of the participants counted on a day (see the class's rules).</summary>
    public static IEnumerable<string> Counted(RegistrySnapshot registry, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(registry);
        // The participant's own history (not StandingOf, which answers for an EU member state as the EU).
        return registry.Participants
            .Where(p => (registry.History(p.Code).LastOrDefault(e => e.EffectiveOn <= on)?.Status
                    ?? (p.Kind == ParticipantKind.TradingEntity && on >= p.AdmittedOn ? ParticipantStatus.Active : null))
                is { } s && s is not ParticipantStatus.Applicant and not ParticipantStatus.Withdrawn)
            .Select(p => p.Code);
    }

    private static string Kebab<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
