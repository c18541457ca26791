using System.Net;
using System.Text.RegularExpressions;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Portal;

/// <summary>The peer review pages: the secretariat plans a review and issues the draft, the reviewed participant comments, others do not see the draft; the dashboard and the due list.</summary>
public sealed class PeerReviewPageTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task The_secretariat_plans_a_review_and_issues_the_draft_and_only_the_reviewed_participant_sees_and_comments_on_it()
    {
        using var secretariat = await PortalClient.SignedIn(app, "secretariat");
        var (status, list) = await secretariat.Get("/compliance/reviews");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"plan-form\"", list, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["participant"] = "ZA",
            ["kind"] = "visit",
            ["invitedOn"] = "2026-01-10",
            ["startsOn"] = "2026-02-06",
            ["endsOn"] = "2026-02-02",
            ["termsOfReference"] = "Internal controls.",
            ["teamKind0"] = "participant",
            ["teamPerson0"] = "Anna Dube",
            ["teamParticipant0"] = "BW",
            ["teamLeader"] = "0",
            ["teamKind1"] = "industry",
            ["teamPerson1"] = "Ian Roe",
            ["teamObserver1"] = "World Diamond Council",
        };
        using var wrong = await secretariat.PostForm("/compliance/reviews", fields, PortalClient.Token(list));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Contains("review-ends-before-start", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["endsOn"] = "2026-02-10";
        using var planned = await secretariat.PostForm("/compliance/reviews", fields, PortalClient.Token(list));
        Assert.Equal(HttpStatusCode.Redirect, planned.StatusCode);
        var link = PortalClient.Location(planned);
        var (_, review) = await secretariat.Get(link);
        Assert.Contains("data-status=\"planned\"", review, StringComparison.Ordinal);
        Assert.Contains("Anna Dube", review, StringComparison.Ordinal);
        var version = Regex.Match(review, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value;
        using var drafted = await secretariat.PostForm(link + "?handler=draft",
            new() { ["version"] = version, ["report"] = "Draft findings.", ["recText0"] = "Reconcile monthly.", ["recOwner0"] = "Regulator", ["recDue0"] = "2026-06-30" }, PortalClient.Token(review));
        Assert.Equal(HttpStatusCode.Redirect, drafted.StatusCode);

        using var za = await PortalClient.SignedIn(app, "officer.za");
        var (_, own) = await za.Get(link);
        Assert.Contains("data-testid=\"draft-report\"", own, StringComparison.Ordinal);
        Assert.Contains("Reconcile monthly.", own, StringComparison.Ordinal);
        using var commented = await za.PostForm(link + "?handler=comments",
            new() { ["version"] = Regex.Match(own, "name=\"version\" value=\"([^\"]+)\"").Groups[1].Value, ["comments"] = "Accepted." }, PortalClient.Token(own));
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        Assert.Contains("data-status=\"commented\"", (await za.Get(link)).Html, StringComparison.Ordinal);

        using var bw = await PortalClient.SignedIn(app, "officer.bw");
        var (bwStatus, other) = await bw.Get(link);
        Assert.Equal(HttpStatusCode.OK, bwStatus);
        Assert.DoesNotContain("Draft findings.", other, StringComparison.Ordinal);
        Assert.DoesNotContain("Reconcile monthly.", other, StringComparison.Ordinal);
        Assert.DoesNotContain("comments-form", other, StringComparison.Ordinal);

        var (dashStatus, dashboard) = await secretariat.Get("/compliance/recommendations");
        Assert.Equal(HttpStatusCode.OK, dashStatus);
        Assert.Contains("data-participant=\"ZA\"", dashboard, StringComparison.Ordinal);
        var (dueStatus, due) = await za.Get("/compliance/reviews/due");
        Assert.Equal(HttpStatusCode.OK, dueStatus);
        Assert.Contains("data-testid=\"due-table\"", due, StringComparison.Ordinal);

        using var customs = await PortalClient.SignedIn(app, "customs.za");
        foreach (var url in new[] { "/compliance/reviews", link, "/compliance/recommendations", "/compliance/reviews/due" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await customs.Get(url)).Status);
        }

        using var officerPlans = await bw.PostForm("/compliance/reviews", fields, PortalClient.Token(other));
        Assert.Equal(HttpStatusCode.Forbidden, officerPlans.StatusCode);
        using var anonymous = PortalClient.Anonymous(app);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.Get("/compliance/reviews")).Status);
        using var observer = await PortalClient.SignedIn(app, "observer.cso");
        observer.UseCulture("fr");
        Assert.Contains("Examens par les pairs", (await observer.Get("/compliance/reviews")).Html, StringComparison.Ordinal);
    }
}
