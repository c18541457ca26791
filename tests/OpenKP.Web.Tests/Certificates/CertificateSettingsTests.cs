using System.Net;
using OpenKP.Web.Certificates;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Certificates;

/// <summary>A participant's number format, longest validity and printed second language.</summary>
public sealed class CertificateSettingsTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task A_new_number_format_and_validity_apply_to_the_next_certificate()
    {
        var officer = await app.ClientFor("officer.bw");
        var before = await (await app.ClientFor(null)).GetJson("/api/participants/BW/certificate-settings");
        Assert.Equal("{P}-{YYYY}-{N:6}", before.Str("numberFormat"));
        Assert.Equal("BW-2026-000123", before.Str("nextNumberExample"));
        Assert.Equal(60, before.GetProperty("maxValidityDays").GetInt32());

        var changed = await officer.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/participants/BW/certificate-settings")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new CertificateSettingsRequest("{P}-KP{YY}-{N:4}", 30, null, before.GetProperty("version").GetGuid())),
        });
        Assert.Equal("BW-KP26-0123", (await changed.Json(HttpStatusCode.OK)).Str("nextNumberExample"));

        // The sequence of 2026 goes on under the new format: numbers never repeat and never skip.
        var earlier = await app.WithDb(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Certificates, c => c.IssuingParticipant == "BW"));
        var issued = await officer.PostJson("/api/certificates", Drafts.Valid(), HttpStatusCode.Created);
        var expected = $"BW-KP26-{earlier + 1:0000}";
        Assert.Equal(expected, issued.Str("number"));
        Assert.Equal("2026-02-14", issued.Str("expiresOn"));
        Assert.Equal(expected, (await officer.GetJson("/api/certificates/" + expected)).Str("number"));
        var tooLong = await officer.PostJson("/api/certificates", Drafts.Valid() with { ExpiresOn = "2026-03-01" }, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["expiry-too-late"], tooLong.Codes());
    }

    [Fact]
    public async Task Bad_settings_are_refused_with_every_reason_and_only_the_participants_officers_change_them()
    {
        async Task<HttpResponseMessage> Put(string? user, CertificateSettingsRequest body)
            => await (await app.ClientFor(user)).SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/participants/ZA/certificate-settings")
            {
                Content = System.Net.Http.Json.JsonContent.Create(body),
            });

        var bad = await (await Put("officer.za", new CertificateSettingsRequest("ZA-{N}-{N}", 0, "de", null))).Json(HttpStatusCode.UnprocessableEntity);
        var slash = await (await Put("officer.za", new CertificateSettingsRequest("{P}/{N:6}", 60, null, null))).Json(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["number-format-invalid"], slash.Codes());
        Assert.Equal(["language-unsupported", "number-format-invalid", "validity-out-of-range"], bad.Codes().Order());
        Assert.Equal(HttpStatusCode.Forbidden, (await Put("officer.bw", new CertificateSettingsRequest("{P}-{N:6}", 60, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Put("customs.za", new CertificateSettingsRequest("{P}-{N:6}", 60, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Put(null, new CertificateSettingsRequest("{P}-{N:6}", 60, null, null))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Put("secretariat", new CertificateSettingsRequest("{P}-{N:6}", 60, "fr", null))).StatusCode);
        var stale = await Put("officer.za", new CertificateSettingsRequest("{P}-{N:6}", 60, null, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
