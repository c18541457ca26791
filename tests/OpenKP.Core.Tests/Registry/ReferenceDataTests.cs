using OpenKP.Registry;

namespace OpenKP.Core.Tests.Registry;

public sealed class ReferenceDataTests
{
    [Fact]
    public void The_shipped_reference_data_parses_without_a_bad_row()
    {
        var outcome = ReferenceDataLoader.Parse(ReferenceFiles.Embedded(), out var data);
        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Violations.Select(v => v.Message)));
        Assert.Equal(67, data.Participants.Count);
        Assert.Contains(data.Participants, p => p.Code == "TW" && p.Kind == ParticipantKind.TradingEntity);
        Assert.All(data.Participants, p => Assert.False(string.IsNullOrWhiteSpace(p.NameFr)));
        var gb = Assert.Single(data.Eu, m => m.CountryCode == "GB");
        Assert.Equal(new DateOnly(2021, 1, 1), gb.EndsOn);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_file_and_line()
    {
        var files = ReferenceFiles.Embedded() with
        {
            StatusEvents = "code,date,status,note,source,confidence\nBW,2026-13-01,active,x,y,high\nBW,2026-01-01,sleeping,x,y,high\nQQ,2026-01-01,active,x,y,high\n",
            Zones = "code,zone,kind,from,to,source,confidence\nCF,,compliant-zone,2016-05,,s,high\n",
        };
        var outcome = ReferenceDataLoader.Parse(files, out _);
        Assert.False(outcome.Succeeded);
        var messages = outcome.Violations.Select(v => v.Message).ToList();
        Assert.Contains(messages, m => m.StartsWith("status-events.csv line 2:", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("status-events.csv line 3:", StringComparison.Ordinal) && m.Contains("sleeping", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("status-events.csv line 4:", StringComparison.Ordinal) && m.Contains("QQ", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("zones.csv line 2:", StringComparison.Ordinal));
        Assert.All(outcome.Violations, v => Assert.Equal(RegistryCodes.ReferenceDataInvalid, v.Code));
    }
}
