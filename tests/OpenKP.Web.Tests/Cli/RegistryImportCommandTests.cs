using OpenKP.Registry;
using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Cli;

/// <summary><c>openkp registry import --from DIR</c>: edited reference CSVs update the local registry, all or nothing.</summary>
public sealed class RegistryImportCommandTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    [Fact]
    public async Task Edited_files_update_the_registry_and_the_change_is_audited()
    {
        var folder = ExportEmbedded("edited");
        var participants = Path.Combine(folder, "participants.csv");
        var lines = await File.ReadAllLinesAsync(participants);
        await File.WriteAllLinesAsync(participants, lines.Select(l => l.StartsWith("BW,Botswana,", StringComparison.Ordinal) ? "BW,Republic of Botswana," + l["BW,Botswana,".Length..] : l));

        var result = await CliHarness.LocalAsync(app, "registry", "import", "--from", folder);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Matches(@"participants updated\s*\|\s*1\b", result.Out);
        var shown = await CliHarness.LocalAsync(app, "participants", "show", "BW", "--json");
        Assert.Equal("Republic of Botswana", shown.Json.Str("name"));
        var audit = await (await app.ClientFor("secretariat")).GetJson("/api/audit?entity=Participant&key=BW");
        Assert.StartsWith("cli:", audit.GetProperty("items")[0].Str("userName"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_rows_are_all_reported_and_nothing_changes()
    {
        var folder = ExportEmbedded("bad");
        var events = Path.Combine(folder, "status-events.csv");
        var lines = (await File.ReadAllLinesAsync(events)).ToList();
        lines.Add(lines[1].Replace(lines[1].Split(',')[0], "ZZZ", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(events, lines);
        var participants = Path.Combine(folder, "participants.csv");
        await File.WriteAllTextAsync(participants, (await File.ReadAllTextAsync(participants)).Replace("Angola", "Angola (renamed)", StringComparison.Ordinal));

        var dryRun = await CliHarness.LocalAsync(app, "registry", "import", "--from", folder, "--dry-run");
        var result = await CliHarness.LocalAsync(app, "registry", "import", "--from", folder);

        Assert.Equal(1, dryRun.ExitCode);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: ", result.Error, StringComparison.Ordinal);
        var shown = await CliHarness.LocalAsync(app, "participants", "show", "AO", "--json");
        Assert.Equal("Angola", shown.Json.Str("name"));
    }

    [Fact]
    public async Task Missing_files_are_named()
    {
        var folder = ExportEmbedded("missing");
        File.Delete(Path.Combine(folder, "zones.csv"));
        File.Delete(Path.Combine(folder, "observers.csv"));

        var result = await CliHarness.LocalAsync(app, "registry", "import", "--from", folder);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("file-not-found", result.Error, StringComparison.Ordinal);
        Assert.Contains("zones.csv", result.Error, StringComparison.Ordinal);
        Assert.Contains("observers.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_is_refused_against_a_server()
    {
        var result = await CliHarness.RemoteAsync(app, null, "registry", "import", "--from", ExportEmbedded("remote"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: local-only:", result.Error, StringComparison.Ordinal);
    }

    private string ExportEmbedded(string name)
    {
        var folder = Path.Combine(app.DataDirectory, "import-" + name);
        Directory.CreateDirectory(folder);
        var files = ReferenceFiles.Embedded();
        string[] texts = [files.Participants, files.EuMembers, files.StatusEvents, files.Zones, files.Observers];
        foreach (var (file, text) in ReferenceFiles.FileNames.Zip(texts))
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        return folder;
    }
}
