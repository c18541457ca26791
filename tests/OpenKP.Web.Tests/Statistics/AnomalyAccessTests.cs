using System.Net;
using System.Net.Http.Json;
using OpenKP.Statistics;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>
/// Every anomaly and questionnaire endpoint refuses who may not use it: anonymous 401 (except the public list),
/// customs officers, operators and observers 403, another participant's officers 403 or 404, officers 403 on the
/// secretariat's steps.
/// </summary>
public sealed class AnomalyAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_endpoint_refuses_callers_outside_its_audience()
    {
        var anomalyId = await app.WithDb(async db =>
        {
            var a = new Anomaly
            {
                Kind = AnomalyKind.PeriodChange,
                ParticipantCode = "BW",
                Year = 2025,
                Period = "2025-Q4",
                Subject = "export carats",
                Unit = AnomalyUnit.CaratsHundredths,
                Measured = 900_000,
                ExpectedLow = 100_000,
                ExpectedHigh = 300_000,
                Details = "Export carats in 2025-Q4 were 9,000.00 ct against 2,000.00 ct in 2025-Q3.",
                DetectedAt = DateTime.UtcNow,
            };
            db.Anomalies.Add(a);
            await db.SaveChangesAsync();
            return a.Id;
        });
        var secretariat = await app.ClientFor("secretariat");
        var id = (await secretariat.PostJson("/api/statistics/questionnaires", new { anomalyIds = new[] { anomalyId } }, HttpStatusCode.Created)).GetProperty("id").GetInt64();
        await secretariat.PostJson($"/api/statistics/questionnaires/{id}/send", new { }, HttpStatusCode.OK);
        var settings = await secretariat.GetJson("/api/statistics/anomaly-settings");

        var q = $"/api/statistics/questionnaires/{id}";
        var answer = new { answers = new[] { new { questionId = 1L, answer = "x" } } };
        var create = new { anomalyIds = new[] { anomalyId } };
        var edit = new { questions = new[] { new { text = "Why?" } }, dueOn = "2026-12-31" };
        var escalate = new { note = "Why" };
        (string? User, string Method, string Url, object? Body, HttpStatusCode Expected)[] table =
        [
            (null, "GET", "/api/statistics/anomalies", null, HttpStatusCode.Unauthorized),
            ("customs.bw", "GET", "/api/statistics/anomalies", null, HttpStatusCode.Forbidden),
            ("operator.bw", "GET", "/api/statistics/anomalies", null, HttpStatusCode.Forbidden),
            ("observer.wdc", "GET", "/api/statistics/anomalies", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", "/api/statistics/anomalies?participant=BW", null, HttpStatusCode.Forbidden),
            ("officer.bw", "GET", "/api/statistics/anomalies?kind=nonsense", null, HttpStatusCode.BadRequest),
            ("officer.bw", "GET", "/api/statistics/anomalies", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/api/statistics/anomalies", null, HttpStatusCode.OK),
            (null, "GET", $"/api/statistics/anomalies/{anomalyId}", null, HttpStatusCode.Unauthorized),
            ("customs.bw", "GET", $"/api/statistics/anomalies/{anomalyId}", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", $"/api/statistics/anomalies/{anomalyId}", null, HttpStatusCode.NotFound),
            ("officer.bw", "GET", $"/api/statistics/anomalies/{anomalyId}", null, HttpStatusCode.OK),
            (null, "POST", "/api/statistics/anomalies/detect?year=2025", new { }, HttpStatusCode.Unauthorized),
            ("officer.bw", "POST", "/api/statistics/anomalies/detect?year=2025", new { }, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", "/api/statistics/anomalies/detect?year=2025", new { }, HttpStatusCode.Forbidden),
            ("secretariat", "POST", "/api/statistics/anomalies/detect?year=2099", new { }, HttpStatusCode.BadRequest),
            (null, "GET", "/api/statistics/anomaly-settings", null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/statistics/anomaly-settings", null, HttpStatusCode.Forbidden),
            ("observer.cso", "GET", "/api/statistics/anomaly-settings", null, HttpStatusCode.Forbidden),
            ("officer.bw", "GET", "/api/statistics/anomaly-settings", null, HttpStatusCode.OK),
            (null, "PUT", "/api/statistics/anomaly-settings", settings, HttpStatusCode.Unauthorized),
            ("officer.bw", "PUT", "/api/statistics/anomaly-settings", settings, HttpStatusCode.Forbidden),
            ("customs.bw", "PUT", "/api/statistics/anomaly-settings", settings, HttpStatusCode.Forbidden),
            (null, "GET", "/api/statistics/questionnaires", null, HttpStatusCode.Unauthorized),
            ("customs.bw", "GET", "/api/statistics/questionnaires", null, HttpStatusCode.Forbidden),
            ("operator.bw", "GET", "/api/statistics/questionnaires", null, HttpStatusCode.Forbidden),
            ("observer.wdc", "GET", "/api/statistics/questionnaires", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", "/api/statistics/questionnaires?participant=BW", null, HttpStatusCode.Forbidden),
            (null, "POST", "/api/statistics/questionnaires", create, HttpStatusCode.Unauthorized),
            ("officer.bw", "POST", "/api/statistics/questionnaires", create, HttpStatusCode.Forbidden),
            ("customs.bw", "POST", "/api/statistics/questionnaires", create, HttpStatusCode.Forbidden),
            (null, "GET", q, null, HttpStatusCode.Unauthorized),
            ("customs.bw", "GET", q, null, HttpStatusCode.Forbidden),
            ("observer.wdc", "GET", q, null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", q, null, HttpStatusCode.NotFound),
            ("officer.bw", "GET", q, null, HttpStatusCode.OK),
            ("officer.bw", "PUT", q, edit, HttpStatusCode.Forbidden),
            ("officer.bw", "POST", q + "/send", new { }, HttpStatusCode.Forbidden),
            (null, "POST", q + "/answer", answer, HttpStatusCode.Unauthorized),
            ("customs.bw", "POST", q + "/answer", answer, HttpStatusCode.Forbidden),
            ("operator.bw", "POST", q + "/answer", answer, HttpStatusCode.Forbidden),
            ("officer.za", "POST", q + "/answer", answer, HttpStatusCode.NotFound),
            ("secretariat", "POST", q + "/answer", answer, HttpStatusCode.Forbidden),
            ("officer.bw", "POST", q + "/close", new { }, HttpStatusCode.Forbidden),
            ("officer.bw", "POST", q + "/escalate", escalate, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", q + "/escalate", escalate, HttpStatusCode.Forbidden),
            ("secretariat", "POST", q + "/close", new { }, HttpStatusCode.Conflict),
            ("secretariat", "PUT", q, edit, HttpStatusCode.Conflict),
            (null, "GET", "/api/public/statistics/overdue-questionnaires", null, HttpStatusCode.OK),
            ("observer.wdc", "GET", "/api/public/statistics/overdue-questionnaires", null, HttpStatusCode.OK),
        ];

        var failures = new List<string>();
        foreach (var (user, method, url, body, expected) in table)
        {
            var client = await app.ClientFor(user);
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
            var response = await client.SendAsync(request);
            if (response.StatusCode != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        // Nothing changed: the questionnaire is still sent, unanswered; the thresholds are the defaults.
        var after = await secretariat.GetJson(q);
        Assert.Equal("sent", after.Str("status"));
        Assert.All(after.GetProperty("questions").EnumerateArray(), x => Assert.Equal(System.Text.Json.JsonValueKind.Null, x.GetProperty("answer").ValueKind));
        Assert.Null((await secretariat.GetJson("/api/statistics/anomaly-settings")).GetProperty("updatedBy").GetString());
    }

    [Fact]
    public void Every_anomaly_code_is_documented_once_in_the_problem_catalogue()
    {
        var doc = File.ReadAllText(Path.Combine(Shared.ProblemCodeTests.RepositoryRoot(), "docs", "problems.md"));
        var headings = doc.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l[4..].Trim()).ToList();
        var codes = typeof(AnomalyCodes).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Equal(1, headings.Count(h => h == c)));
    }
}
