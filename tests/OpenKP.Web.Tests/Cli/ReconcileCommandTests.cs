using System.Globalization;
using MiniExcelLibs;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp statistics reconcile</c> against the server (as an official) and on the local database, on the demo's 2026 certificates.</summary>
public sealed class ReconcileCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private static readonly Dictionary<string, string> Password = new() { ["OPENKP_PASSWORD"] = OpenKpApp.DemoPassword };

    private Task<CliResult> As(string user, params string[] args) => CliHarness.RemoteAsync(app, Password, [.. args, "--user", user]);

    [Fact]
    public async Task An_official_reconciles_its_pairs_on_the_server_and_the_local_database_gives_the_same_pair()
    {
        var remote = await As("officer.bw", "statistics", "reconcile", "--year", "2026", "--json");
        Assert.True(remote.ExitCode == 0, remote.ToString());
        var pairs = remote.Json.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Contains(pairs, p => p.GetProperty("exporter").GetString() == "BW" && p.GetProperty("importer").GetString() == "AE");
        Assert.All(pairs, p => Assert.True(p.GetProperty("exporter").GetString() == "BW" || p.GetProperty("importer").GetString() == "BW"));

        var table = await As("officer.bw", "statistics", "reconcile", "--year", "2026", "--a", "BW", "--b", "AE");
        Assert.True(table.ExitCode == 0, table.ToString());
        Assert.Contains("Reconciliation 2026, judged on 2026-01-15: 1 pairs", table.Out, StringComparison.Ordinal);
        Assert.Contains("BW->AE", table.Out, StringComparison.Ordinal);

        var local = await CliHarness.LocalAsync(app, "statistics", "reconcile", "--year", "2026", "--a", "BW", "--b", "AE", "--json");
        Assert.True(local.ExitCode == 0, local.ToString());
        var remotePair = pairs.Single(p => p.GetProperty("importer").GetString() == "AE");
        var localPair = local.Json.GetProperty("pairs").EnumerateArray().Single();
        Assert.Equal(remotePair.GetProperty("difference").GetProperty("usd").GetDecimal(), localPair.GetProperty("difference").GetProperty("usd").GetDecimal());
        Assert.Equal(remotePair.GetProperty("categories").ToString(), localPair.GetProperty("categories").ToString());

        var detail = await As("officer.bw", "statistics", "reconcile", "--year", "2026", "--a", "BW", "--b", "AE", "--certificates");
        Assert.Contains("not-yet-confirmed", detail.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_and_the_certificates_are_written_as_csv_and_xlsx_files()
    {
        var folder = Directory.CreateTempSubdirectory("openkp-reconcile-");
        try
        {
            var csvPath = Path.Combine(folder.FullName, "pairs.csv");
            var csv = await As("secretariat", "statistics", "reconcile", "--year", "2026", "--out", csvPath);
            Assert.True(csv.ExitCode == 0, csv.ToString());
            Assert.Contains($"Wrote {csvPath}", csv.Error, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(csvPath);
            Assert.StartsWith("period,exporter,importer,", lines[0], StringComparison.Ordinal);
            Assert.Contains(lines, l => l.StartsWith("2026,ZA,EU,", StringComparison.Ordinal));

            var xlsxPath = Path.Combine(folder.FullName, "certificates.xlsx");
            var xlsx = await CliHarness.LocalAsync(app, "statistics", "reconcile", "--year", "2026", "--certificates", "--out", xlsxPath);
            Assert.True(xlsx.ExitCode == 0, xlsx.ToString());
            using var stream = File.OpenRead(xlsxPath);
            var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
            var zaEu = rows.Single(r => (string?)r["exporter"] == "ZA" && (string?)r["importer"] == "EU");
            Assert.Equal("matched", zaEu["category"]);
            Assert.True(Convert.ToDecimal(zaEu["export_usd"], CultureInfo.InvariantCulture) > 0);

            var stdout = await As("officer.bw", "statistics", "reconcile", "--year", "2026", "--a", "BW", "--b", "AE", "--certificates", "--format", "csv");
            Assert.StartsWith("period,certificate,exporter,importer,category,", stdout.Out, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bad_options_are_refused_at_once_and_foreign_pairs_by_the_server()
    {
        var bad = await As("officer.bw", "statistics", "reconcile", "--year", "1999", "--quarter", "5", "--a", "B1", "--format", "xlsx");
        Assert.Equal(1, bad.ExitCode);
        foreach (var code in new[] { "error: invalid-value: --year", "error: invalid-value: --quarter", "error: invalid-code:", "error: required: --format xlsx" })
        {
            Assert.Contains(code, bad.Error, StringComparison.Ordinal);
        }

        var foreign = await As("officer.za", "statistics", "reconcile", "--year", "2026", "--a", "BW", "--b", "AE");
        Assert.Equal(1, foreign.ExitCode);
        Assert.Contains("(HTTP 403)", foreign.Error, StringComparison.Ordinal);
        var observer = await As("observer.wdc", "statistics", "reconcile", "--year", "2026");
        Assert.Contains("(HTTP 403)", observer.Error, StringComparison.Ordinal);
    }
}
