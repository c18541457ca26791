using System.Reflection;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Shared;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Shared;

/// <summary>Every problem code is unique and documented in docs/problems.md, which the app serves.</summary>
public sealed class ProblemCodeTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    public static IReadOnlyList<(string Owner, string Code)> AllCodes() =>
    [
        .. new[] { typeof(RegistryCodes), typeof(CertificateCodes), typeof(OpenKP.Shipments.ShipmentCodes), typeof(OpenKP.Notifications.NotificationCodes), typeof(OpenKP.Statistics.FootprintCodes), typeof(OpenKP.Statistics.PublicationCodes), typeof(OpenKP.Statistics.Intake.IntakeCodes), typeof(OpenKP.Statistics.AnomalyCodes), typeof(OpenKP.Statistics.Synthetic.SyntheticCodes), typeof(OpenKP.Compliance.DecisionCodes), typeof(OpenKP.Compliance.ComplianceCaseCodes), typeof(OpenKP.Compliance.ReviewCodes), typeof(OpenKP.Compliance.ChairReportCodes), typeof(OpenKP.Compliance.MeetingCodes), typeof(OpenKP.Compliance.BodyCodes), typeof(OpenKP.Compliance.AnnualReportCodes), typeof(OpenKP.Compliance.AdmissionCodes), typeof(InputCodes), typeof(PlatformCodes) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (t.Name, (string)f.GetRawConstantValue()!))),
    ];

    /// <summary>The folder holding OpenKP.slnx.</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenKP.slnx")))
        {
            dir = dir.Parent;
        }

        return dir!.FullName;
    }

    private static string ProblemsDoc() => File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "problems.md"));

    [Fact]
    public void Every_code_is_unique()
    {
        var duplicates = AllCodes().GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_code_is_documented_and_every_documented_code_exists()
    {
        var doc = ProblemsDoc();
        var headings = doc.Split('\n').Where(l => l.StartsWith("### ", StringComparison.Ordinal)).Select(l => l[4..].Trim()).ToHashSet();
        var codes = AllCodes().Select(c => c.Code).ToHashSet();
        Assert.Empty(codes.Except(headings));
        Assert.Empty(headings.Except(codes));
    }

    [Fact]
    public async Task The_problem_catalogue_is_served_where_problem_types_point()
    {
        var client = await app.ClientFor(null);
        var response = await client.GetAsync("/problems");
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("### origin-zone-not-compliant", await response.Content.ReadAsStringAsync());
    }
}
