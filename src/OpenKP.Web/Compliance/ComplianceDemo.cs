using Microsoft.EntityFrameworkCore;
using OpenKP.Compliance;
using OpenKP.Data;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Compliance;

/// <summary>
/// Demo mode only, on the first start, after the demo statistics: a year of the scheme's compliance work so the
/// compliance pages and the Chair's report of that year say something — the Chair and Vice-Chair of the year and the
/// next, a plenary and an intersessional meeting, memberships and outcomes of three working bodies, three decisions
/// adopted through <see cref="DecisionDesk"/> (one declaring a compliant zone of the Central African Republic), the
/// annual reports on the year before (most submitted, three assessed, two missing) and a review visit with its
/// final report and recommendations. The year is the latest published statistics year (the last complete demo
/// year), else last year. Written as <c>system</c>; skipped when that year already has a chairmanship.
/// Configuration <c>OpenKP:Demo:Compliance:Enabled</c> (default on, except in the <c>Testing</c> environment).
/// </summary>
internal sealed class ComplianceDemo(
    IServiceScopeFactory scopes, OpenKpEnvironment environment, IConfiguration configuration, IHostEnvironment host, TimeProvider clock, ILogger<ComplianceDemo> logger) : IHostedService
{
    public const string Section = "OpenKP:Demo:Compliance";

    /// <summary>Demo participants with an annual report on the year before the demo year; CD and CF sent none.</summary>
    private static readonly string[] Reporting = ["BW", "AE", "IN", "EU", "ZA", "CA", "RU", "CN", "US", "AO"];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!environment.Demo || !configuration.GetSection(Section).GetValue("Enabled", !host.IsEnvironment("Testing")))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OpenKpDb>();
        var year = await db.StatisticsVintages.MaxAsync(v => (int?)v.Year, cancellationToken) ?? clock.GetUtcNow().Year - 1;
        if (await db.Chairmanships.AnyAsync(c => c.Year == year, cancellationToken))
        {
            return;
        }

        await SeedAsync(db, scope.ServiceProvider.GetRequiredService<DecisionDesk>(), year, clock.GetUtcNow().UtcDateTime, cancellationToken);
        logger.LogInformation("Demo compliance work for {Year}: chairmanship, meetings, decisions, annual reports and a review visit", year);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Writes the demo year's compliance records (the tests call it to seed a known year).</summary>
    internal static async Task SeedAsync(OpenKpDb db, DecisionDesk desk, int year, DateTime now, CancellationToken ct)
    {
        const string By = "system";
        DateOnly On(int month, int day) => new(year, month, day);

        db.Chairmanships.Add(new Chairmanship { Year = year, ChairParticipantCode = "AE", ViceChairParticipantCode = "ZA", ChairPerson = "Ahmed bin Sulayem" });
        if (!await db.Chairmanships.AnyAsync(c => c.Year == year + 1, ct))
        {
            db.Chairmanships.Add(new Chairmanship { Year = year + 1, ChairParticipantCode = "ZA", ViceChairParticipantCode = "CA" });
        }

        var intersessional = new Meeting
        {
            Kind = MeetingKind.Intersessional,
            Title = $"Kimberley Process Intersessional, Gaborone {year}",
            Place = "Gaborone",
            StartsOn = On(6, 10),
            EndsOn = On(6, 13),
            ChairParticipantCode = "AE",
            CreatedBy = By,
            CreatedAt = now,
            Summary = "Working groups met; the plenary's agenda was agreed.",
        };
        var plenary = new Meeting
        {
            Kind = MeetingKind.Plenary,
            Title = $"Kimberley Process Plenary, Dubai {year}",
            Place = "Dubai",
            StartsOn = On(11, 4),
            EndsOn = On(11, 7),
            ChairParticipantCode = "AE",
            CreatedBy = By,
            CreatedAt = now,
            Summary = "The plenary adopted its final communiqué and administrative decisions.",
        };
        db.Meetings.AddRange(intersessional, plenary);

        (string Body, string? Participant, string? Observer, BodyRole Role)[] members =
        [
            ("wgm", "CA", null, BodyRole.Chair), ("wgm", "BW", null, BodyRole.Member), ("wgm", "EU", null, BodyRole.Member), ("wgm", null, "World Diamond Council", BodyRole.Member),
            ("wgs", "US", null, BodyRole.Chair), ("wgs", "IN", null, BodyRole.Member), ("wgs", "RU", null, BodyRole.Member),
            ("cpc", "ZA", null, BodyRole.Chair), ("cpc", "AO", null, BodyRole.Member), ("cpc", "CN", null, BodyRole.Member),
        ];
        db.BodyMemberships.AddRange(members.Select(m => new BodyMembership
        {
            BodyCode = m.Body,
            Year = year,
            MemberKind = m.Participant is null ? BodyMemberKind.Observer : BodyMemberKind.Participant,
            ParticipantCode = m.Participant,
            ObserverName = m.Observer,
            Role = m.Role,
            From = On(1, 1),
        }));
        db.BodyOutcomes.AddRange(
            new BodyOutcome { BodyCode = "wgm", Year = year, Text = $"Assessed the annual reports on {year - 1}; coordinated the review visit to Botswana.", UpdatedBy = By, UpdatedAt = now },
            new BodyOutcome { BodyCode = "wgs", Year = year, Text = $"Published the statistics of {year - 1} and followed up the data anomalies found.", UpdatedBy = By, UpdatedAt = now },
            new BodyOutcome { BodyCode = "cpc", Year = year, Text = $"Recommended South Africa as Vice-Chair for {year} and Chair for {year + 1}.", UpdatedBy = By, UpdatedAt = now });

        db.AnnualReports.AddRange(Reporting.Select((code, i) => new AnnualReport
        {
            ParticipantCode = code,
            Year = year - 1,
            Status = i < 3 ? AnnualReportStatus.Assessed : AnnualReportStatus.Submitted,
            LegalFramework = "The KPCS is implemented by the national diamond law and its regulations.",
            InternalControls = "Licensed mines, dealers and exporters; every export is inspected and sealed.",
            StatisticsSummary = "Production and trade as reported to the Working Group on Statistics.",
            SubmittedAt = new DateTime(year, 3, 10 + i, 9, 0, 0, DateTimeKind.Utc),
            SubmittedBy = $"officer.{code.ToLowerInvariant()}",
            AssessmentComments = i < 3 ? "Complete; no issue of implementation." : null,
            CompletenessScore = i < 3 ? 90 - i : null,
            AssessedBy = i < 3 ? "secretariat" : null,
            AssessedAt = i < 3 ? new DateTime(year, 10, 1, 9, 0, 0, DateTimeKind.Utc) : null,
            CreatedBy = $"officer.{code.ToLowerInvariant()}",
            CreatedAt = new DateTime(year, 2, 1, 9, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(year, 3, 10 + i, 9, 0, 0, DateTimeKind.Utc),
        }));

        db.PeerReviews.Add(new PeerReview
        {
            ParticipantCode = "BW",
            Kind = ReviewKind.Visit,
            Status = ReviewStatus.Final,
            InvitedOn = On(1, 20),
            StartsOn = On(5, 12),
            EndsOn = On(5, 16),
            TermsOfReference = "Review of Botswana's implementation of the KPCS minimum requirements, from mine to export.",
            DraftReport = "The team found the system of internal controls robust.",
            DraftIssuedAt = new DateTime(year, 7, 1, 9, 0, 0, DateTimeKind.Utc),
            ParticipantComments = "Botswana accepts the findings.",
            CommentedAt = new DateTime(year, 8, 1, 9, 0, 0, DateTimeKind.Utc),
            FinalReport = "Botswana implements the KPCS minimum requirements effectively; three recommendations.",
            FinalIssuedAt = new DateTime(year, 9, 1, 9, 0, 0, DateTimeKind.Utc),
            CreatedBy = By,
            CreatedAt = now,
            Team =
            [
                new ReviewTeamMember { Kind = TeamMemberKind.Participant, ParticipantCode = "CA", PersonName = "Team leader (Canada)", IsLeader = true },
                new ReviewTeamMember { Kind = TeamMemberKind.Industry, ObserverName = "World Diamond Council", PersonName = "Industry expert" },
                new ReviewTeamMember { Kind = TeamMemberKind.CivilSociety, ObserverName = "KP Civil Society Coalition", PersonName = "Civil society expert" },
            ],
            Recommendations =
            [
                new Recommendation { ParticipantCode = "BW", Number = 1, Text = "Publish the annual production statistics by mine.", Owner = "Ministry of Minerals and Energy", DueOn = On(12, 31), Status = RecommendationStatus.Implemented, ClosedOn = On(11, 30), UpdatedAt = now },
                new Recommendation { ParticipantCode = "BW", Number = 2, Text = "Train customs officers at the land borders on KP certificates.", Owner = "Botswana Unified Revenue Service", DueOn = new DateOnly(year + 1, 6, 30), Status = RecommendationStatus.InProgress, UpdatedAt = now },
                new Recommendation { ParticipantCode = "BW", Number = 3, Text = "Keep the register of licensed dealers online.", Owner = "Diamond Hub", DueOn = new DateOnly(year + 1, 6, 30), Status = RecommendationStatus.Open, UpdatedAt = now },
            ],
        });
        await db.SaveChangesAsync(ct);

        (NewDecision Decision, DateOnly AdoptedOn)[] decisions =
        [
            (new NewDecision($"Terms of reference of the Working Group on Statistics ({year})", "The plenary adopts the revised terms of reference of the Working Group on Statistics.",
                DecisionProcedure.PlenaryConsensus, intersessional.Id, "wgs"), On(6, 13)),
            (new NewDecision("Compliant zone of Nola, Central African Republic", "The sub-prefecture of Nola is a compliant zone from which rough diamonds may be exported under the Operational Framework.",
                DecisionProcedure.PlenaryConsensus, plenary.Id, "wgm",
                [new NewDecisionEffect(DecisionEffectKind.CompliantZone, "CF", ZoneName: "Nola", Note: "Declared compliant on the Monitoring Team's report.")]), On(11, 7)),
            (new NewDecision($"Chairmanship of the Kimberley Process for {year + 1}", $"South Africa chairs the Kimberley Process in {year + 1}; Canada is Vice-Chair.",
                DecisionProcedure.PlenaryConsensus, plenary.Id, "cpc"), On(11, 7)),
        ];
        foreach (var (draft, adoptedOn) in decisions)
        {
            var drafted = await desk.DraftAsync(draft, ct);
            if (drafted.Succeeded)
            {
                await desk.AdoptAsync(drafted.Value!.Id, new DecisionAdoption(adoptedOn), drafted.Value.Version, ct);
            }
        }
    }
}
