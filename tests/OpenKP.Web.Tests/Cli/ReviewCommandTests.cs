using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp reviews list | show | plan | recommendations | dashboard</c> against the server.</summary>
public sealed class ReviewCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task The_secretariat_plans_a_review_and_readers_list_show_and_follow_its_recommendations()
    {
        string[] plan = ["reviews", "plan", "--participant", "ZA", "--kind", "visit", "--invited-on", "2026-01-10", "--starts-on", "2026-02-02", "--ends-on", "2026-02-06",
            "--terms", "Internal controls.", "--member", "participant|Anna Dube|BW", "--member", "industry|Ian Roe|World Diamond Council", "--member", "civil-society|Grace Mensah|KP Civil Society Coalition"];
        var noLeader = await As("secretariat", [.. plan, "--leader", "Nobody"]);
        Assert.Equal(1, noLeader.ExitCode);
        Assert.Contains("review-team-leader-count", noLeader.Error, StringComparison.Ordinal);
        var refused = await As("officer.za", [.. plan, "--leader", "Anna Dube"]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("(HTTP 403)", refused.Error, StringComparison.Ordinal);

        var planned = await As("secretariat", [.. plan, "--leader", "Anna Dube", "--json"]);
        Assert.True(planned.ExitCode == 0, planned.ToString());
        var id = planned.Json.GetProperty("id").GetInt64();
        var version = planned.Json.GetProperty("version").GetString();
        var secretariat = await app.ClientFor("secretariat");
        await secretariat.PostJson($"/api/compliance/reviews/{id}/draft-report", PeerReviewBodies.Draft(version!), System.Net.HttpStatusCode.OK);

        var list = await As("observer.wdc", "reviews", "list", "--participant", "ZA");
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("draft-report", list.Out, StringComparison.Ordinal);
        var show = await As("officer.za", "reviews", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains("Anna Dube", show.Out, StringComparison.Ordinal);
        Assert.Contains("Draft findings.", show.Out, StringComparison.Ordinal);
        var hidden = await As("officer.bw", "reviews", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("Draft findings.", hidden.Out, StringComparison.Ordinal);

        var recommendations = await As("officer.za", "reviews", "recommendations", "--participant", "ZA");
        Assert.True(recommendations.ExitCode == 0, recommendations.ToString());
        Assert.Contains("Reconcile monthly.", recommendations.Out, StringComparison.Ordinal);
        var dashboard = await As("secretariat", "reviews", "dashboard");
        Assert.True(dashboard.ExitCode == 0, dashboard.ToString());
        Assert.Contains("ZA", dashboard.Out, StringComparison.Ordinal);
        Assert.Contains("1 participants", dashboard.Out, StringComparison.Ordinal);
        var customs = await As("customs.za", "reviews", "dashboard");
        Assert.Equal(1, customs.ExitCode);
    }
}

internal static class PeerReviewBodies
{
    public static object Draft(string version) => new
    {
        report = "Draft findings.",
        version,
        recommendations = new[] { new { text = "Reconcile monthly.", owner = "Regulator", dueOn = "2026-06-30" } },
    };
}
