using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Statistics;

/// <summary>Every statistics intake endpoint refuses who may not use it: anonymous 401, wrong role or participant 403; the allowed get through.</summary>
public sealed class IntakeAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_endpoint_admits_exactly_its_audience()
    {
        var bwFile = (await (await app.ClientFor("officer.bw")).PostAsync("/api/participants/BW/trade-submissions",
            Uploads.Trade(Uploads.Csv(Uploads.GoodFigures), "bw.csv", 2025, 2))).Json(HttpStatusCode.Created);
        var download = (await bwFile).Str("download");
        var za = await (await app.ClientFor("officer.za")).PostAsync("/api/participants/ZA/trade-submissions",
            Uploads.Trade(Uploads.Csv(Uploads.FiguresHeader, "export,AE,7102.10,1,1,1"), "za.csv", 2025, 2));
        var zaId = (await za.Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();

        Func<HttpContent> trade = () => Uploads.Trade(Uploads.Csv(Uploads.GoodFigures), "t.csv", 2025, 3);
        Func<HttpContent> production = () => JsonContent.Create(new { year = 2025, half = 1, lines = new[] { new { miningType = "industrial", carats = 1m, usd = 1m } } });
        (string? User, string Method, string Url, Func<HttpContent>? Body, HttpStatusCode Expected)[] table =
        [
            (null, "GET", "/api/statistics/templates/quarterly-figures.csv", null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/statistics/templates/quarterly-figures.csv", null, HttpStatusCode.Forbidden),
            ("observer.wdc", "GET", "/api/statistics/templates/quarterly-figures.xlsx", null, HttpStatusCode.Forbidden),
            ("customs.bw", "GET", "/api/statistics/templates/production.xlsx", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/api/statistics/templates/certificate-records.csv", null, HttpStatusCode.OK),

            (null, "GET", "/api/statistics/submission-status?year=2025", null, HttpStatusCode.Unauthorized),
            ("officer.bw", "GET", "/api/statistics/submission-status?year=2025", null, HttpStatusCode.Forbidden),
            ("customs.bw", "GET", "/api/statistics/submission-status?year=2025", null, HttpStatusCode.Forbidden),
            ("operator.bw", "GET", "/api/statistics/submission-status?year=2025", null, HttpStatusCode.Forbidden),
            ("observer.cso", "GET", "/api/statistics/submission-status?year=2025", null, HttpStatusCode.Forbidden),
            ("secretariat", "GET", "/api/statistics/submission-status?year=2025", null, HttpStatusCode.OK),

            (null, "POST", "/api/participants/BW/trade-submissions", trade, HttpStatusCode.Unauthorized),
            ("customs.bw", "POST", "/api/participants/BW/trade-submissions", trade, HttpStatusCode.Forbidden),
            ("operator.bw", "POST", "/api/participants/BW/trade-submissions", trade, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", "/api/participants/BW/trade-submissions", trade, HttpStatusCode.Forbidden),
            ("officer.za", "POST", "/api/participants/BW/trade-submissions", trade, HttpStatusCode.Forbidden),
            ("officer.za", "POST", "/api/participants/BW/trade-submissions?preview=true", trade, HttpStatusCode.Forbidden),
            ("officer.bw", "POST", "/api/participants/BW/trade-submissions?preview=true", trade, HttpStatusCode.OK),
            ("secretariat", "POST", "/api/participants/BW/trade-submissions", trade, HttpStatusCode.Created),

            (null, "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.Forbidden),
            ("observer.wdc", "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.Forbidden),
            ("customs.za", "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.Forbidden),
            ("customs.bw", "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/api/participants/BW/trade-submissions?year=2025", null, HttpStatusCode.OK),

            (null, "GET", "/api/participants/BW/trade-submissions/revisions?year=2025", null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/participants/BW/trade-submissions/revisions?year=2025", null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", "/api/participants/BW/trade-submissions/revisions?year=2025", null, HttpStatusCode.Forbidden),
            ("customs.bw", "GET", "/api/participants/BW/trade-submissions/revisions?year=2025", null, HttpStatusCode.OK),

            (null, "GET", download, null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", download, null, HttpStatusCode.Forbidden),
            ("officer.za", "GET", download, null, HttpStatusCode.Forbidden),
            ("officer.bw", "GET", $"/api/participants/BW/trade-submissions/{zaId}/file", null, HttpStatusCode.NotFound),
            ("customs.bw", "GET", download, null, HttpStatusCode.OK),
            ("secretariat", "GET", download, null, HttpStatusCode.OK),

            (null, "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Unauthorized),
            ("customs.bw", "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Forbidden),
            ("operator.bw", "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Forbidden),
            ("observer.wdc", "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Forbidden),
            ("officer.za", "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Forbidden),
            ("officer.bw", "POST", "/api/participants/BW/production-returns?preview=true", production, HttpStatusCode.OK),
            ("officer.bw", "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Created),
            ("secretariat", "POST", "/api/participants/BW/production-returns", production, HttpStatusCode.Created),

            (null, "GET", "/api/participants/BW/production-returns?year=2025", null, HttpStatusCode.Unauthorized),
            ("operator.bw", "GET", "/api/participants/BW/production-returns?year=2025", null, HttpStatusCode.Forbidden),
            ("observer.cso", "GET", "/api/participants/BW/production-returns?year=2025", null, HttpStatusCode.Forbidden),
            ("customs.za", "GET", "/api/participants/BW/production-returns?year=2025", null, HttpStatusCode.Forbidden),
            ("customs.bw", "GET", "/api/participants/BW/production-returns?year=2025", null, HttpStatusCode.OK),
            ("secretariat", "GET", "/api/participants/BW/production-returns?year=2025", null, HttpStatusCode.OK),
        ];

        var failures = new List<string>();
        foreach (var (user, method, url, body, expected) in table)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body?.Invoke() };
            var status = (await (await app.ClientFor(user)).SendAsync(request)).StatusCode;
            if (status != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {url}: expected {(int)expected}, got {(int)status}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_creating_post_with_an_idempotency_key_is_saved_once()
    {
        var officer = await app.ClientFor("officer.ae");
        var body = new { year = 2025, half = 2, lines = new[] { new { miningType = "industrial", carats = 2m, usd = 3m } } };
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/participants/AE/production-returns") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "ae-2025-h2-first");
            answers.Add(await officer.SendAsync(request));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal("true", answers[1].Headers.GetValues("Idempotent-Replayed").Single());
        var year = await officer.GetJson("/api/participants/AE/production-returns?year=2025");
        Assert.Equal(1, year.GetProperty("revisions").GetArrayLength());
    }
}
