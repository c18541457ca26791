using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using OpenKP.Audit;
using OpenKP.Compliance;
using OpenKP.Registry;
using OpenKP.Statistics;
using OpenKP.Web.Compliance;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// The Chair's report for a year holds the year's figures as the data has them — participants on 31 December,
/// admissions, meetings, decisions, review visits, annual reports received, world production — in English and
/// French, in every download; issuing freezes it.
/// </summary>
public sealed class ChairReportTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private const int Year = 2025;
    private const string Narrative = "The Chair thanks the participants for a year of steady work.";

    [Fact]
    public async Task The_report_for_a_year_holds_the_years_figures_in_both_languages_and_issuing_freezes_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await ParticipantsOnAsync(new DateOnly(Year, 12, 31));
        await SeedAsync();
        var (participants, countries, eu) = await ParticipantsOnAsync(new DateOnly(Year, 12, 31));
        var (due, _, _) = await ParticipantsOnAsync(new DateOnly(Year - 1, 12, 31));
        Assert.Equal(before.Participants + 1, participants);
        Assert.Equal(before.Countries + 1, countries);

        var secretariat = await app.ClientFor("secretariat");
        var created = await secretariat.PostJson("/api/compliance/chair-reports", new { year = Year }, HttpStatusCode.Created);
        Assert.Equal("draft", created.Str("status"));
        var f = created.GetProperty("figures");
        Assert.Equal(participants, f.GetProperty("participants").GetInt32());
        Assert.Equal(countries, f.GetProperty("countries").GetInt32());
        Assert.Equal(eu, f.GetProperty("euMemberStates").GetInt32());
        Assert.Equal(["SS"], f.GetProperty("admissions").EnumerateArray().Select(a => a.Str("code")));
        Assert.Equal(["BW", "AO"], f.GetProperty("reviews").EnumerateArray().Select(r => r.GetProperty("participant").Str("code")));
        Assert.Equal(2, f.GetProperty("meetings").GetArrayLength());
        Assert.Equal(["AD/2025/01", "AD/2025/02", "AD/2025/03"], f.GetProperty("decisions").EnumerateArray().Select(d => d.Str("number")));
        Assert.Equal((10, 3, due, Year - 1), (f.GetProperty("annualReportsReceived").GetInt32(), f.GetProperty("annualReportsAssessed").GetInt32(), f.GetProperty("annualReportsDue").GetInt32(), f.GetProperty("annualReportsYear").GetInt32()));
        Assert.Subset(f.GetProperty("annualReportsMissing").EnumerateArray().Select(p => p.Str("code")).ToHashSet(), new HashSet<string> { "CD", "CF" });
        var world = f.GetProperty("world");
        Assert.Equal(("published", 1, 223_456_789L, 7), (world.Str("source"), world.GetProperty("vintage").GetInt32(), world.GetProperty("productionCaratsHundredths").GetInt64(), world.GetProperty("certificates").GetInt32()));
        Assert.Equal(("AE", "ZA"), (f.GetProperty("chair").Str("code"), f.GetProperty("viceChair").Str("code")));
        Assert.Equal(3, f.GetProperty("bodyOutcomes").GetArrayLength());

        // The narrative: written per language under the version read; a stale version, an unknown section or language refused.
        var version = created.Str("version");
        var edited = await (await secretariat.PutAsJsonAsync($"/api/compliance/chair-reports/{Year}/sections/introduction/en", new { text = Narrative, version }, ct)).Json(HttpStatusCode.OK);
        Assert.Contains(edited.GetProperty("narrative").EnumerateArray(), n => n.Str("key") == "introduction" && n.Str("language") == "en" && n.Str("text") == Narrative && n.GetProperty("written").GetBoolean());
        var stale = await (await secretariat.PutAsJsonAsync($"/api/compliance/chair-reports/{Year}/sections/outlook/en", new { text = "x", version }, ct)).Json(HttpStatusCode.Conflict);
        Assert.Equal([ChairReportCodes.Changed], stale.Codes());
        Assert.Equal([ChairReportCodes.SectionUnknown], (await (await secretariat.PutAsJsonAsync($"/api/compliance/chair-reports/{Year}/sections/nope/en", new { text = "x" }, ct)).Json(HttpStatusCode.NotFound)).Codes());
        Assert.Equal([ChairReportCodes.LanguageUnsupported], (await (await secretariat.PutAsJsonAsync($"/api/compliance/chair-reports/{Year}/sections/outlook/de", new { text = "x" }, ct)).Json(HttpStatusCode.NotFound)).Codes());

        // The downloads say the same, numbers as each language writes them.
        var en = await secretariat.GetStringAsync($"/api/compliance/chair-reports/{Year}/report.html?lang=en", ct);
        var fr = WebUtility.HtmlDecode(await secretariat.GetStringAsync($"/api/compliance/chair-reports/{Year}/report.html?lang=fr", ct));
        Assert.Contains("2,234,567.89", en, StringComparison.Ordinal);
        Assert.Contains(Narrative, en, StringComparison.Ordinal);
        Assert.Contains($"{participants} participants representing {countries} countries", en, StringComparison.Ordinal);
        Assert.Contains("10 of the " + due.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " annual reports due on implementation in 2024 were received", en, StringComparison.Ordinal);
        Assert.Contains("Review visits and missions held during the year (2)", en, StringComparison.Ordinal);
        Assert.Contains("South Sudan", en, StringComparison.Ordinal);
        Assert.Contains("2\u00A0234\u00A0567,89", fr, StringComparison.Ordinal);
        Assert.Contains("Soudan du Sud", fr, StringComparison.Ordinal);
        Assert.Contains("Visites et missions d'examen tenues au cours de l'année (2)", fr, StringComparison.Ordinal);
        var docx = await secretariat.GetAsync($"/api/compliance/chair-reports/{Year}/report.docx?lang=fr", ct);
        Assert.Equal("kp-chair-report-2025-fr.docx", docx.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var docxText = DocxText(await docx.Content.ReadAsByteArrayAsync(ct));
        Assert.Contains("2\u00A0234\u00A0567,89", docxText, StringComparison.Ordinal);
        Assert.Contains("Rapport de la présidence du Processus de Kimberley", docxText, StringComparison.Ordinal);

        // Issue: frozen. Later data does not change it; edits and a second issue are refused.
        var issued = await secretariat.PostJson($"/api/compliance/chair-reports/{Year}/issue", new { }, HttpStatusCode.OK);
        Assert.Equal("issued", issued.Str("status"));
        await app.WithDb(async db =>
        {
            db.AnnualReports.Add(new AnnualReport { ParticipantCode = "CD", Year = Year - 1, Status = AnnualReportStatus.Submitted, CreatedBy = "officer.cd", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            (await db.StatisticsVintages.Include(v => v.Rows).SingleAsync(v => v.Year == Year, ct)).Rows[0].ProductionCaratsHundredths += 100;
            return await db.SaveChangesAsync(ct);
        });
        var anonymous = await app.ClientFor(null);
        var later = await anonymous.GetJson($"/api/compliance/chair-reports/{Year}");
        Assert.Equal(10, later.GetProperty("figures").GetProperty("annualReportsReceived").GetInt32());
        Assert.Equal(223_456_789L, later.GetProperty("figures").GetProperty("world").GetProperty("productionCaratsHundredths").GetInt64());
        Assert.Contains(Narrative, await anonymous.GetStringAsync($"/api/compliance/chair-reports/{Year}/report.html", ct), StringComparison.Ordinal);
        var pdf = await anonymous.GetAsync($"/api/compliance/chair-reports/{Year}/report.pdf?lang=fr", ct);
        Assert.Equal(("application/pdf", "%PDF"), (pdf.Content.Headers.ContentType?.MediaType, System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(ct))[..4])));
        Assert.Equal([ChairReportCodes.Issued], (await (await secretariat.PutAsJsonAsync($"/api/compliance/chair-reports/{Year}/sections/outlook/en", new { text = "x" }, ct)).Json(HttpStatusCode.Conflict)).Codes());
        Assert.Equal([ChairReportCodes.Issued], (await secretariat.PostJson($"/api/compliance/chair-reports/{Year}/issue", new { }, HttpStatusCode.Conflict)).Codes());
        Assert.Equal([ChairReportCodes.Exists], (await secretariat.PostJson("/api/compliance/chair-reports", new { year = Year }, HttpStatusCode.Conflict)).Codes());
    }

    [Fact]
    public async Task Drafting_refuses_a_missing_year_and_a_year_not_yet_begun()
    {
        var secretariat = await app.ClientFor("secretariat");
        Assert.Equal([OpenKP.Shared.InputCodes.Required], (await secretariat.PostJson("/api/compliance/chair-reports", new { }, HttpStatusCode.BadRequest)).Codes());
        Assert.Equal([ChairReportCodes.YearInFuture], (await secretariat.PostJson("/api/compliance/chair-reports", new { year = 2027 }, HttpStatusCode.UnprocessableEntity)).Codes());
        Assert.Equal(HttpStatusCode.NotFound, (await secretariat.GetAsync("/api/compliance/chair-reports/2025/report.odt", TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>The demo year, a known admission (South Sudan), a mission beside the demo's visit, a cancelled review, a published year.</summary>
    private Task<int> SeedAsync() => app.WithDb(async db =>
    {
        var ct = TestContext.Current.CancellationToken;
        await ComplianceDemo.SeedAsync(db, new DecisionDesk(db, new SystemActor("system"), app.Clock), Year, DateTime.UtcNow, ct);
        db.Participants.Add(new Participant { Code = "SS", NameEn = "South Sudan", NameFr = "Soudan du Sud", Kind = ParticipantKind.State, AdmittedOn = new DateOnly(Year, 4, 1) });
        db.StatusEvents.AddRange(
            new StatusEvent { ParticipantCode = "SS", EffectiveOn = new DateOnly(Year - 1, 3, 1), Status = ParticipantStatus.Applicant, Note = "Applied", Decision = new DecisionReference { Title = "Application" }, EnteredBy = "test", EnteredAt = DateTime.UtcNow },
            new StatusEvent { ParticipantCode = "SS", EffectiveOn = new DateOnly(Year, 4, 1), Status = ParticipantStatus.Active, Note = "Admitted", Decision = new DecisionReference { Title = "Admission of South Sudan" }, EnteredBy = "test", EnteredAt = DateTime.UtcNow });
        db.PeerReviews.AddRange(
            new PeerReview { ParticipantCode = "AO", Kind = ReviewKind.Mission, Status = ReviewStatus.Planned, StartsOn = new DateOnly(Year, 9, 1), EndsOn = new DateOnly(Year, 9, 5), TermsOfReference = "Mission", CreatedBy = "test", CreatedAt = DateTime.UtcNow },
            new PeerReview { ParticipantCode = "CD", Kind = ReviewKind.Visit, Status = ReviewStatus.Cancelled, StartsOn = new DateOnly(Year, 3, 1), EndsOn = new DateOnly(Year, 3, 5), TermsOfReference = "Visit", CreatedBy = "test", CreatedAt = DateTime.UtcNow });
        db.StatisticsVintages.Add(new StatisticsVintage
        {
            Year = Year,
            Number = 1,
            PublishedAt = DateTime.UtcNow,
            PublishedBy = "secretariat",
            Reason = "First publication",
            Rows =
            [
                new VintageRow { ParticipantCode = "BW", ProductionCaratsHundredths = 123_456_789, ProductionUsdCents = 50_000_000_00, ExportCertificates = 4, ProductionSubmitted = true },
                new VintageRow { ParticipantCode = "ZA", ProductionCaratsHundredths = 100_000_000, ProductionUsdCents = 10_000_000_00, ExportCertificates = 3, ProductionSubmitted = true },
            ],
        });
        return await db.SaveChangesAsync(ct);
    });

    /// <summary>Counted independently of the drafter: each participant's last status on the day, the EU for its member states.</summary>
    private Task<(int Participants, int Countries, int Eu)> ParticipantsOnAsync(DateOnly day) => app.WithDb(async db =>
    {
        var events = await db.StatusEvents.AsNoTracking().Where(e => e.EffectiveOn <= day).ToListAsync();
        var participants = await db.Participants.AsNoTracking().ToListAsync();
        var eu = await db.EuMemberships.AsNoTracking().CountAsync(m => m.From <= day && (m.EndsOn == null || m.EndsOn > day));
        var counted = participants.Where(p =>
        {
            var last = events.Where(e => e.ParticipantCode == p.Code).OrderBy(e => e.EffectiveOn).ThenBy(e => e.Id).LastOrDefault();
            var status = last?.Status ?? (p.Kind == ParticipantKind.TradingEntity && day >= p.AdmittedOn ? ParticipantStatus.Active : null);
            return status is not null and not ParticipantStatus.Applicant and not ParticipantStatus.Withdrawn;
        }).ToList();
        return (counted.Count, counted.Sum(p => p.Kind == ParticipantKind.State ? 1 : p.Kind == ParticipantKind.RegionalOrganisation ? eu : 0), counted.Any(p => p.Kind == ParticipantKind.RegionalOrganisation) ? eu : 0);
    });

    private static string DocxText(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var document = WordprocessingDocument.Open(stream, false);
        return document.MainDocumentPart!.Document!.InnerText;
    }
}
