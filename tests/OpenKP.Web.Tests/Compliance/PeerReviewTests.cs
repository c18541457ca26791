using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenKP.Compliance;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>Peer review through the API: a review visit followed to closure, every broken rule at once, and the members due a review.</summary>
public sealed class PeerReviewTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    internal static object Visit(string participant = "ZA") => new
    {
        participant,
        kind = "visit",
        invitedOn = "2026-01-10",
        startsOn = "2026-02-02",
        endsOn = "2026-02-06",
        termsOfReference = "Internal controls from mine to export; statistics.",
        team = new object[]
        {
            new { kind = "participant", personName = "Anna Dube", participantCode = "BW", isLeader = true },
            new { kind = "participant", personName = "Marc Peeters", participantCode = "EU" },
            new { kind = "industry", personName = "Ian Roe", observerName = "World Diamond Council" },
            new { kind = "civil-society", personName = "Grace Mensah", observerName = "KP Civil Society Coalition" },
        },
    };

    internal static object TwoRecommendations(string version) => new
    {
        report = "Draft findings: export statistics are reconciled late.",
        version,
        recommendations = new[]
        {
            new { text = "Reconcile export statistics monthly.", owner = "South African Diamond and Precious Metals Regulator", dueOn = "2026-06-30" },
            new { text = "Train customs officers on footprint checks.", owner = "South African Revenue Service", dueOn = "2026-09-30" },
        },
    };

    private static string Codes(JsonElement problem) => string.Join(",", problem.GetProperty("violations").EnumerateArray().Select(v => v.Str("code")));

    [Fact]
    public async Task A_review_visit_goes_from_plan_to_final_report_and_its_recommendations_are_followed_to_closure()
    {
        var secretariat = await app.ClientFor("secretariat");
        var za = await app.ClientFor("officer.za");
        var bw = await app.ClientFor("officer.bw");
        var observer = await app.ClientFor("observer.wdc");

        var planned = await secretariat.PostJson("/api/compliance/reviews", Visit(), HttpStatusCode.Created);
        var id = planned.GetProperty("id").GetInt64();
        Assert.Equal(("planned", 4), (planned.Str("status"), planned.GetProperty("team").GetArrayLength()));
        Assert.Equal("Anna Dube", planned.GetProperty("team")[0].Str("personName"));
        Assert.True(planned.GetProperty("team")[0].GetProperty("isLeader").GetBoolean());
        var url = $"/api/compliance/reviews/{id}";

        var draft = await secretariat.PostJson(url + "/draft-report", TwoRecommendations(planned.Str("version")), HttpStatusCode.OK);
        Assert.Equal(("draft-report", 2), (draft.Str("status"), draft.GetProperty("recommendations").GetArrayLength()));

        // The draft is the secretariat's and ZA's: another participant and the observers do not see it or its recommendations.
        Assert.Equal("Draft findings: export statistics are reconciled late.", (await za.GetJson(url)).Str("draftReport"));
        foreach (var other in new[] { bw, observer })
        {
            var seen = await other.GetJson(url);
            Assert.Equal((JsonValueKind.Null, 0), (seen.GetProperty("draftReport").ValueKind, seen.GetProperty("recommendations").GetArrayLength()));
        }

        // Only ZA's officers comment: another participant's officer does not learn the draft exists, the secretariat is refused.
        Assert.Equal(HttpStatusCode.NotFound, (await bw.PostAsJsonAsync(url + "/comments", new { comments = "Not ours." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await secretariat.PostAsJsonAsync(url + "/comments", new { comments = "Ours?" })).StatusCode);
        var commented = await za.PostJson(url + "/comments", new { comments = "We accept both findings.", version = draft.Str("version") }, HttpStatusCode.OK);
        Assert.Equal("commented", commented.Str("status"));

        // A step under a stale version is refused.
        var stale = await secretariat.PostJson(url + "/final-report", new { report = "Final.", version = draft.Str("version") }, HttpStatusCode.Conflict);
        Assert.Equal(ReviewCodes.Changed, Codes(stale));
        var final = await secretariat.PostJson(url + "/final-report", new { report = "Final findings.", version = commented.Str("version") }, HttpStatusCode.OK);
        Assert.Equal(("final", false), (final.Str("status"), final.GetProperty("followedToClosure").GetBoolean()));

        // Once final, the observers see the final report, the comments and the recommendations; never the draft.
        var shared = await observer.GetJson(url);
        Assert.Equal(("Final findings.", "We accept both findings.", JsonValueKind.Null, 2),
            (shared.Str("finalReport"), shared.Str("participantComments"), shared.GetProperty("draftReport").ValueKind, shared.GetProperty("recommendations").GetArrayLength()));
        var dashboard = await secretariat.GetJson("/api/compliance/recommendations/dashboard");
        var line = dashboard.EnumerateArray().Single(t => t.Str("participantCode") == "ZA");
        Assert.Equal((2, 0, "2026-06-30"), (line.GetProperty("open").GetInt32(), line.GetProperty("overdue").GetInt32(), line.Str("oldestDueOn")));

        var recommendations = final.GetProperty("recommendations").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToList();
        var first = $"/api/compliance/recommendations/{recommendations[0]}/updates";
        var second = $"/api/compliance/recommendations/{recommendations[1]}/updates";
        await za.PostJson(first, new { status = "in-progress", note = "Monthly reconciliation piloted." }, HttpStatusCode.OK);
        await za.PostJson(first, new { status = "implemented", note = "Monthly reconciliation in place since March." }, HttpStatusCode.OK);
        await za.PostJson(second, new { status = "implemented", note = "120 officers trained." }, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await bw.PostAsJsonAsync(first, new { status = "in-progress", note = "x" })).StatusCode);
        var officerCloses = await za.PostJson(first, new { status = "closed", note = "Done." }, HttpStatusCode.Forbidden);
        Assert.Equal(ReviewCodes.RecommendationSecretariatCloses, Codes(officerCloses));

        // The dashboard shows them implemented, awaiting closure; the secretariat closes both.
        line = (await secretariat.GetJson("/api/compliance/recommendations/dashboard")).EnumerateArray().Single(t => t.Str("participantCode") == "ZA");
        Assert.Equal((0, 2), (line.GetProperty("open").GetInt32(), line.GetProperty("implemented").GetInt32()));
        await secretariat.PostJson(first, new { status = "closed", note = "Verified at the plenary." }, HttpStatusCode.OK);
        var closed = await secretariat.PostJson(second, new { status = "closed", note = "Verified at the plenary." }, HttpStatusCode.OK);
        Assert.Equal(("closed", "2026-01-15", 2), (closed.Str("status"), closed.Str("closedOn"), closed.GetProperty("updates").GetArrayLength()));
        var again = await secretariat.PostJson(second, new { status = "not-implemented", note = "x" }, HttpStatusCode.Conflict);
        Assert.Equal(ReviewCodes.RecommendationClosed, Codes(again));

        var history = await observer.GetJson(first);
        Assert.Equal(["in-progress", "implemented", "closed"], history.GetProperty("updates").EnumerateArray().Select(u => u.Str("status")));
        Assert.Equal("officer.za", history.GetProperty("updates")[0].Str("by"));
        Assert.True((await observer.GetJson(url)).GetProperty("followedToClosure").GetBoolean());
        Assert.DoesNotContain((await secretariat.GetJson("/api/compliance/recommendations/dashboard")).EnumerateArray(), t => t.Str("participantCode") == "ZA");
        var listed = await observer.GetJson("/api/compliance/recommendations?participant=ZA&status=closed");
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
        var reviews = await observer.GetJson("/api/compliance/reviews?participant=ZA&kind=visit&status=final&year=2026");
        Assert.Equal(id, reviews.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Planning_reports_every_broken_rule_at_once_and_writes_nothing()
    {
        var secretariat = await app.ClientFor("secretariat");
        var before = await app.WithDb(db => Task.FromResult(db.PeerReviews.Count()));
        var problem = await secretariat.PostJson("/api/compliance/reviews", new
        {
            participant = "ZA",
            kind = "visit",
            decisionId = 9999,
            startsOn = "2026-03-10",
            endsOn = "2026-03-01",
            termsOfReference = "Visit.",
            team = new object[]
            {
                new { kind = "participant", personName = "Anna Dube", participantCode = "BW", isLeader = true },
                new { kind = "participant", personName = "Sipho Nkosi", participantCode = "ZA", isLeader = true },
                new { kind = "industry", personName = "Ian Roe", observerName = "KP Civil Society Coalition" },
                new { kind = "civil-society", personName = "Grace Mensah" },
            },
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(string.Join(",", ReviewCodes.InvitationRequired, ReviewCodes.DecisionNotAdopted, ReviewCodes.EndsBeforeStart, ReviewCodes.TeamLeaderCount,
            ReviewCodes.TeamOwnParticipant, ReviewCodes.TeamObserverUnknown, ReviewCodes.TeamObserverRequired), Codes(problem));

        var malformed = await secretariat.PostJson("/api/compliance/reviews", new { participant = "Z1", kind = "raid", startsOn = "2026-13-01", team = new[] { new { kind = "participant" } } }, HttpStatusCode.BadRequest);
        Assert.Contains("participant", malformed.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDb(db => Task.FromResult(db.PeerReviews.Count())));
    }

    [Fact]
    public async Task Members_without_a_completed_review_for_N_years_are_listed_never_first()
    {
        await app.WithDb(async db =>
        {
            PeerReview Final(string code, int year) => new()
            {
                ParticipantCode = code,
                Kind = ReviewKind.Visit,
                Status = ReviewStatus.Final,
                InvitedOn = new DateOnly(year, 1, 1),
                StartsOn = new DateOnly(year, 5, 25),
                EndsOn = new DateOnly(year, 6, 1),
                TermsOfReference = "Visit.",
                CreatedBy = "secretariat",
                CreatedAt = DateTime.UtcNow,
            };
            db.PeerReviews.AddRange(Final("BW", 2025), Final("CA", 2019), Final("IN", 2012), new PeerReview
            {
                ParticipantCode = "AE",
                Kind = ReviewKind.Mission,
                Status = ReviewStatus.Cancelled,
                StartsOn = new DateOnly(2025, 1, 1),
                EndsOn = new DateOnly(2025, 1, 2),
                TermsOfReference = "Mission.",
                CreatedBy = "secretariat",
                CreatedAt = DateTime.UtcNow,
            });
            return await db.SaveChangesAsync();
        });

        var observer = await app.ClientFor("observer.cso");
        var due = await observer.GetJson("/api/compliance/reviews/due");
        Assert.Equal(5, due.GetProperty("years").GetInt32());
        var members = due.GetProperty("members").EnumerateArray().ToList();
        var codes = members.Select(m => m.Str("participantCode")).ToList();
        Assert.DoesNotContain("BW", codes);
        Assert.Contains("AE", codes);
        Assert.True(codes.IndexOf("AE") < codes.IndexOf("IN") && codes.IndexOf("IN") < codes.IndexOf("CA"), string.Join(",", codes));
        Assert.Equal(JsonValueKind.Null, members.Single(m => m.Str("participantCode") == "AE").GetProperty("lastEndedOn").ValueKind);
        Assert.Equal("2019-06-01", members.Single(m => m.Str("participantCode") == "CA").Str("lastEndedOn"));

        var ten = (await observer.GetJson("/api/compliance/reviews/due?years=10")).GetProperty("members").EnumerateArray().Select(m => m.Str("participantCode")).ToList();
        Assert.DoesNotContain("CA", ten);
        Assert.Contains("IN", ten);
        await observer.GetJson("/api/compliance/reviews/due?years=0", HttpStatusCode.BadRequest);
    }
}
