using System.Net;
using System.Net.Http.Json;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>
/// Every non-compliance case endpoint answers each kind of caller as the who-sees-what rules say: anonymous 401;
/// customs officers and operators 403; observers and every authority officer read; the secretariat acts on every
/// step; the participant's own officers add steps and mark their actions done, another participant's may not.
/// </summary>
public sealed class ComplianceCaseAccessTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Every_endpoint_answers_each_caller_as_the_rules_say()
    {
        var secretariat = await app.ClientFor("secretariat");
        var opened = await secretariat.PostJson("/api/compliance/cases", new { participant = "ZA", source = "other", title = "Controls", summary = "Weak internal controls." }, HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetInt64();
        var url = $"/api/compliance/cases/{id}";
        var planned = await secretariat.PostJson(url + "/work-plan", new { text = "Audit the controls.", dueOn = "2026-06-30" }, HttpStatusCode.OK);
        var item = $"{url}/work-plan/{planned.GetProperty("workPlan")[0].GetProperty("id").GetInt64()}";

        var open = new { participant = "ZA", source = "other", title = "t", summary = "s" };
        var openInvalid = new { participant = "ZA", source = "other", title = " ", summary = "s" };
        var step = new { kind = "consultation", text = "Our response." };
        var futureStep = new { kind = "note", on = "2027-01-01", text = "Later." };
        var work = new { text = "More.", dueOn = "2026-07-31" };
        var pastWork = new { text = "More.", dueOn = "2025-07-31" };
        var done = new { status = "done" };
        var missed = new { status = "missed" };
        var reopen = new { status = "open" };
        var measure = new { measure = "suspension", reason = "Why." };
        var noScope = new { measure = "special-measures", reason = "Why." };
        var close = new { outcome = "Done." };
        var empty = new { };
        string?[] outsiders = [null, "customs.za", "operator.za"];
        string[] readers = ["observer.wdc", "officer.za", "officer.bw", "secretariat"];
        string[] notSecretariat = ["observer.wdc", "officer.za", "officer.bw"];

        var table = new List<(string? User, string Method, string Url, object? Body, HttpStatusCode Expected)>();
        void Row(string? user, string method, string path, object? body, HttpStatusCode expected) => table.Add((user, method, path, body, expected));
        HttpStatusCode Outside(string? user) => user is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;

        foreach (var user in outsiders)
        {
            Row(user, "GET", "/api/compliance/cases", null, Outside(user));
            Row(user, "POST", "/api/compliance/cases", open, Outside(user));
            Row(user, "GET", url, null, Outside(user));
            Row(user, "POST", url + "/steps", step, Outside(user));
            Row(user, "POST", url + "/work-plan", work, Outside(user));
            Row(user, "POST", item, done, Outside(user));
            Row(user, "POST", url + "/measure", measure, Outside(user));
            Row(user, "POST", url + "/decision", empty, Outside(user));
            Row(user, "POST", url + "/decision/adopt", empty, Outside(user));
            Row(user, "POST", url + "/close", close, Outside(user));
        }

        foreach (var user in readers)
        {
            Row(user, "GET", "/api/compliance/cases", null, HttpStatusCode.OK);
            Row(user, "GET", url, null, HttpStatusCode.OK);
        }

        foreach (var user in notSecretariat)
        {
            Row(user, "POST", "/api/compliance/cases", open, HttpStatusCode.Forbidden);
            Row(user, "POST", url + "/work-plan", work, HttpStatusCode.Forbidden);
            Row(user, "POST", url + "/measure", measure, HttpStatusCode.Forbidden);
            Row(user, "POST", url + "/decision", empty, HttpStatusCode.Forbidden);
            Row(user, "POST", url + "/decision/adopt", empty, HttpStatusCode.Forbidden);
            Row(user, "POST", url + "/close", close, HttpStatusCode.Forbidden);
        }

        Row("observer.wdc", "POST", url + "/steps", step, HttpStatusCode.Forbidden);
        Row("officer.bw", "POST", url + "/steps", step, HttpStatusCode.Forbidden);
        Row("observer.wdc", "POST", item, done, HttpStatusCode.Forbidden);
        Row("officer.bw", "POST", item, done, HttpStatusCode.Forbidden);
        Row("officer.za", "POST", item, missed, HttpStatusCode.Forbidden);
        Row("secretariat", "GET", "/api/compliance/cases/999999", null, HttpStatusCode.NotFound);
        Row("secretariat", "GET", "/api/compliance/cases?status=nonsense", null, HttpStatusCode.BadRequest);
        Row("secretariat", "POST", "/api/compliance/cases", openInvalid, HttpStatusCode.UnprocessableEntity);
        Row("secretariat", "POST", url + "/steps", futureStep, HttpStatusCode.UnprocessableEntity);
        Row("secretariat", "POST", url + "/work-plan", pastWork, HttpStatusCode.UnprocessableEntity);
        Row("secretariat", "POST", item, reopen, HttpStatusCode.Conflict);
        Row("secretariat", "POST", url + "/measure", noScope, HttpStatusCode.UnprocessableEntity);
        Row("secretariat", "POST", url + "/decision", empty, HttpStatusCode.Conflict);
        Row("secretariat", "POST", url + "/decision/adopt", empty, HttpStatusCode.Conflict);
        Row("secretariat", "POST", url + "/close", empty, HttpStatusCode.UnprocessableEntity);
        Row("officer.za", "POST", url + "/steps", step, HttpStatusCode.OK);
        Row("officer.za", "POST", item, done, HttpStatusCode.OK);

        var failures = new List<string>();
        foreach (var (user, method, path, body, expected) in table)
        {
            var client = await app.ClientFor(user);
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : JsonContent.Create(body, body.GetType()) };
            var response = await client.SendAsync(request);
            if (response.StatusCode != expected)
            {
                failures.Add($"{user ?? "anonymous"} {method} {path}: expected {(int)expected}, got {(int)response.StatusCode}");
            }
        }

        Assert.Empty(failures);
        var after = await secretariat.GetJson(url);
        Assert.Equal(("work-plan", "none", 1, "done"), (after.Str("status"), after.Str("measure"), after.GetProperty("steps").GetArrayLength(), after.GetProperty("workPlan")[0].Str("status")));
        var otherOfficer = await (await app.ClientFor("officer.bw")).GetJson(url);
        Assert.False(otherOfficer.GetProperty("full").GetBoolean());
        Assert.True((await (await app.ClientFor("officer.za")).GetJson(url)).GetProperty("full").GetBoolean());
    }
}
