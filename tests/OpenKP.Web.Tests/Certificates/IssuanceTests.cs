using System.Net;
using System.Net.Http.Json;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Certificates;

public sealed class IssuanceTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task An_issued_certificate_verifies_as_valid_with_every_field_as_issued()
    {
        var officer = await app.ClientFor("officer.bw");
        var issued = await officer.PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created);
        var number = issued.Str("number");
        Assert.Matches(@"^BW-2026-\d{6}$", number);
        Assert.StartsWith("KP1:", issued.Str("qr"));
        Assert.InRange(issued.Str("qr").Length, 100, 800);

        var anonymous = await app.ClientFor(null);
        var verdict = await anonymous.PostJson("/api/verify", new { qr = issued.Str("qr") }, HttpStatusCode.OK);
        Assert.True(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
        Assert.Equal("valid", verdict.Str("verdict"));
        var decoded = verdict.GetProperty("certificate");
        Assert.Equal(number, decoded.Str("number"));
        Assert.Equal("BW", decoded.Str("issuingParticipant"));
        Assert.Equal("AE", decoded.Str("importingParticipant"));
        Assert.Equal("Kalahari Rough Trading (Pty) Ltd", decoded.GetProperty("exporter").Str("name"));
        Assert.Equal("AE-OP-001", decoded.GetProperty("importer").Str("licence"));
        Assert.Equal(1644.85m, decoded.GetProperty("totalCarats").GetDecimal());
        Assert.Equal(529977.50m, decoded.GetProperty("totalUsd").GetDecimal());
        Assert.Equal(3, decoded.GetProperty("lines").GetArrayLength());
        Assert.Equal("2026-03-16", decoded.Str("expiresOn"));
        Assert.Equal(["SEAL-0001", "SEAL-0002"], decoded.GetProperty("sealNumbers").EnumerateArray().Select(s => s.GetString()));

        var stored = await officer.GetJson($"/api/certificates/{number}");
        foreach (var field in new[] { "number", "issuingParticipant", "importingParticipant", "origin", "issuedOn", "expiresOn", "qualityNotes" })
        {
            Assert.Equal(stored.GetProperty(field).ToString(), decoded.GetProperty(field).ToString());
        }
    }

    [Fact]
    public async Task Concurrent_issuances_get_distinct_numbers_without_gaps()
    {
        var officer = await app.ClientFor("officer.za");
        var before = await app.WithDb(db => Task.FromResult(db.Certificates.Count(c => c.IssuingParticipant == "ZA")));
        var draft = Drafts.Valid() with { ExporterLicence = "ZA-OP-001" };
        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => officer.PostAsJsonAsync("/api/certificates", draft)));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Json(HttpStatusCode.Created)).Str("number"));
        }

        Assert.Equal(200, numbers.Distinct().Count());
        var sequence = numbers.Select(n => int.Parse(n[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(before + 1, 200), sequence);
    }
}
