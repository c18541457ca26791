using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;
using OpenKP.Web.Tests.Portal;

namespace OpenKP.Web.Tests.Compliance;

/// <summary>The decision, meeting and body pages: public once adopted, the secretariat's forms draft, foresee and adopt.</summary>
public sealed class DecisionPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task The_secretariat_drafts_a_suspension_on_the_form_sees_what_it_touches_and_adopts_it_for_the_public()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (status, form) = await secretariat.Get("/compliance/decisions/new");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, Regex.Count(form, "data-effect-row="));

        using var invalid = await secretariat.PostForm("/compliance/decisions/new", new() { ["Title"] = "", ["Text"] = "x", ["Procedure"] = "plenary-consensus", ["EffectKind[0]"] = "status-change", ["EffectParticipant[0]"] = "QQ" }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var errors = await invalid.Content.ReadAsStringAsync();
        Assert.Contains("decision-title-required", errors, StringComparison.Ordinal);
        Assert.Contains("decision-effect-participant-unknown", errors, StringComparison.Ordinal);

        using var drafted = await secretariat.PostForm("/compliance/decisions/new", new()
        {
            ["Title"] = "Suspension of the Central African Republic",
            ["Text"] = "The plenary suspends the CAR.",
            ["Procedure"] = "plenary-consensus",
            ["EffectKind[0]"] = "status-change",
            ["EffectParticipant[0]"] = "CF",
            ["EffectStatus[0]"] = "suspended",
        }, PortalClient.Token(form));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);
        var link = PortalClient.Location(drafted);
        var (_, page) = await secretariat.Get(link);
        Assert.Contains("data-status=\"draft\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"what-if\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/participants/CF\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await PortalClient.Anonymous(app).Get(link)).Status);

        using var adopted = await secretariat.PostForm(link + "?handler=adopt", new() { ["effectiveOn"] = "2026-03-01" }, PortalClient.Token(page));
        Assert.Equal(HttpStatusCode.Redirect, adopted.StatusCode);
        var (publicStatus, publicPage) = await PortalClient.Anonymous(app).Get(link);
        Assert.Equal(HttpStatusCode.OK, publicStatus);
        Assert.Contains("data-status=\"adopted\"", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("adopt-form", publicPage, StringComparison.Ordinal);
        var (_, list) = await PortalClient.Anonymous(app).Get("/compliance/decisions?participant=CF");
        Assert.Contains("Suspension of the Central African Republic", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meetings_and_bodies_are_shared_and_only_the_secretariat_writes_them()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PortalClient.Anonymous(app).Get("/compliance/meetings")).Status);
        using var customs = await PortalClient.SignedIn(app, "customs.bw");
        Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get("/compliance/bodies")).Status);
        using var officer = await PortalClient.SignedIn(app, "officer.bw");
        // The secretariat's forms send other signed-in users to the access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Get("/compliance/decisions/new")).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.Get("/compliance/meetings/new")).Status);
        var (bodiesStatus, bodies) = await officer.Get("/compliance/bodies");
        Assert.Equal(HttpStatusCode.OK, bodiesStatus);
        Assert.DoesNotContain("member-form", bodies, StringComparison.Ordinal);

        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (_, newMeeting) = await secretariat.Get("/compliance/meetings/new");
        using var created = await secretariat.PostForm("/compliance/meetings/new", new() { ["Kind"] = "plenary", ["Title"] = "Plenary, Gaborone 2026", ["StartsOn"] = "2026-11-02", ["EndsOn"] = "2026-11-05", ["Place"] = "Gaborone", ["Chair"] = "BW" }, PortalClient.Token(newMeeting));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (_, meeting) = await officer.Get(PortalClient.Location(created));
        Assert.Contains("Plenary, Gaborone 2026", meeting, StringComparison.Ordinal);
        var (_, meetings) = await (await PortalClient.SignedIn(app, "observer.cso")).Get("/compliance/meetings");
        Assert.Contains("Plenary, Gaborone 2026", meetings, StringComparison.Ordinal);

        var (_, secretariatBodies) = await secretariat.Get("/compliance/bodies?year=2026");
        using var chair = await secretariat.PostForm("/compliance/bodies?handler=chair", new() { ["chairYear"] = "2026", ["chair"] = "BW", ["viceChair"] = "BW" }, PortalClient.Token(secretariatBodies));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, chair.StatusCode);
        Assert.Contains("body-vice-chair-same-as-chair", await chair.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var member = await secretariat.PostForm("/compliance/bodies?handler=member", new() { ["body"] = "wgs", ["memberYear"] = "2026", ["kind"] = "participant", ["member"] = "IN", ["role"] = "vice-chair" }, PortalClient.Token(secretariatBodies));
        Assert.Equal(HttpStatusCode.Redirect, member.StatusCode);
        using var outcome = await secretariat.PostForm("/compliance/bodies?handler=outcome", new() { ["body"] = "wgs", ["outcomeYear"] = "2026", ["text"] = "Footprints published." }, PortalClient.Token(secretariatBodies));
        Assert.Equal(HttpStatusCode.Redirect, outcome.StatusCode);
        var (_, after) = await officer.Get("/compliance/bodies?year=2026");
        Assert.Contains("Footprints published.", after, StringComparison.Ordinal);
        Assert.Contains("href=\"/participants/IN\"", after, StringComparison.Ordinal);
    }
}
