using OpenKP.Web.Tests.Infrastructure;

namespace OpenKP.Web.Tests.Registry;

/// <summary>The registry's answers on the real KP history from 2003, through the HTTP API.</summary>
public sealed class RealHistoryTests(OpenKpApp app) : IClassFixture<OpenKpApp>
{
    private async Task<string> StatusOf(string code, string on)
    {
        var client = await app.ClientFor(null);
        return (await client.GetJson($"/api/participants/{code}/status?on={on}")).Str("status");
    }

    private async Task<System.Text.Json.JsonElement> Permission(string exporter, string importer, string origin, string on, string? zone = null, bool governmentCertified = false)
    {
        var client = await app.ClientFor(null);
        return await client.GetJson($"/api/trade-permission?exporter={exporter}&importer={importer}&origin={origin}&zone={Uri.EscapeDataString(zone ?? "")}&on={on}&governmentCertified={governmentCertified}");
    }

    [Fact]
    public async Task Venezuela_is_self_suspended_in_2010_and_active_again_in_2017()
    {
        Assert.Equal("self-suspended", await StatusOf("VE", "2010-06-01"));
        Assert.Equal("active", await StatusOf("VE", "2017-06-01"));
        var refused = await Permission("VE", "EU", "VE", "2010-06-01");
        Assert.False(refused.GetProperty("allowed").GetBoolean());
        Assert.Equal(["exporter-self-suspended"], refused.Codes());
        var importing = await Permission("BW", "VE", "BW", "2010-06-01");
        Assert.Equal(["importer-self-suspended"], importing.Codes());
        Assert.True((await Permission("VE", "EU", "VE", "2017-06-01")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task The_Central_African_Republic_is_suspended_then_zone_limited_then_active()
    {
        Assert.Equal("suspended", await StatusOf("CF", "2014-01-01"));
        Assert.Equal(["exporter-suspended"], (await Permission("CF", "EU", "CF", "2014-01-01", "Berbérati")).Codes());
        Assert.Equal(["importer-suspended"], (await Permission("EU", "CF", "BW", "2014-01-01")).Codes());

        Assert.Equal("zone-limited", await StatusOf("CF", "2016-06-01"));
        var berberati = await Permission("CF", "EU", "CF", "2016-06-01", "Berbérati");
        Assert.True(berberati.GetProperty("allowed").GetBoolean(), berberati.ToString());
        Assert.Equal(["origin-zone-not-compliant"], (await Permission("CF", "EU", "CF", "2016-06-01", "Bria")).Codes());
        Assert.Equal(["origin-zone-required"], (await Permission("CF", "EU", "CF", "2016-06-01")).Codes());
        // Boda became compliant only in October 2016.
        Assert.Equal(["origin-zone-not-compliant"], (await Permission("CF", "EU", "CF", "2016-06-01", "Boda")).Codes());
        Assert.True((await Permission("CF", "EU", "CF", "2017-01-10", "Boda")).GetProperty("allowed").GetBoolean());

        Assert.Equal("active", await StatusOf("CF", "2025-01-01"));
        Assert.True((await Permission("CF", "EU", "CF", "2025-01-01", "Bria")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task The_Republic_of_the_Congo_is_withdrawn_in_2005_and_readmitted_in_2007()
    {
        Assert.Equal("withdrawn", await StatusOf("CG", "2005-06-01"));
        Assert.Equal(["exporter-not-participant"], (await Permission("CG", "EU", "CG", "2005-06-01")).Codes());
        Assert.Equal(["importer-not-participant"], (await Permission("EU", "CG", "BW", "2005-06-01")).Codes());
        Assert.Equal("active", await StatusOf("CG", "2008-01-01"));
    }

    [Fact]
    public async Task Cote_d_Ivoire_origin_is_embargoed_in_2010_and_not_in_2015()
    {
        var embargoed = await Permission("EU", "AE", "CI", "2010-01-01");
        Assert.Equal(["origin-embargoed"], embargoed.Codes());
        Assert.True((await Permission("EU", "AE", "CI", "2015-01-01")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Sierra_Leone_embargo_exempted_government_certified_diamonds()
    {
        Assert.Equal(["origin-embargoed"], (await Permission("EU", "AE", "SL", "2003-03-01")).Codes());
        Assert.True((await Permission("EU", "AE", "SL", "2003-03-01", governmentCertified: true)).GetProperty("allowed").GetBoolean());
        // Liberia's ban was total: a government certificate does not help.
        Assert.Contains("origin-embargoed", (await Permission("EU", "AE", "LR", "2004-01-01", governmentCertified: true)).Codes());
    }

    [Fact]
    public async Task Zimbabwe_Marange_origin_is_under_special_measures_in_2010_but_other_Zimbabwean_origin_is_allowed()
    {
        Assert.Equal("special-measures", await StatusOf("ZW", "2010-06-01"));
        Assert.Equal(["origin-under-special-measures"], (await Permission("ZW", "EU", "ZW", "2010-06-01", "Marange")).Codes());
        Assert.True((await Permission("ZW", "EU", "ZW", "2010-06-01", "Murowa")).GetProperty("allowed").GetBoolean());
        Assert.Equal(["origin-zone-required"], (await Permission("ZW", "EU", "ZW", "2010-06-01")).Codes());
        Assert.True((await Permission("ZW", "EU", "ZW", "2013-06-01", "Marange")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task Belgium_resolves_to_the_European_Union()
    {
        var client = await app.ClientFor(null);
        var standing = await client.GetJson("/api/participants/BE/status?on=2026-01-15");
        Assert.Equal("EU", standing.Str("participant"));
        Assert.Equal("active", standing.Str("status"));
        var permission = await Permission("BE", "AE", "BW", "2026-01-15");
        Assert.True(permission.GetProperty("allowed").GetBoolean());
        Assert.Equal("EU", permission.GetProperty("exporter").Str("participant"));
        Assert.Equal(["exporter-and-importer-same-participant"], (await Permission("BE", "DE", "BW", "2026-01-15")).Codes());
    }

    [Fact]
    public async Task Great_Britain_is_covered_by_the_EU_until_2020_and_its_own_participant_from_2021()
    {
        var client = await app.ClientFor(null);
        Assert.Equal("EU", (await client.GetJson("/api/participants/GB/status?on=2020-06-01")).Str("participant"));
        var own = await client.GetJson("/api/participants/GB/status?on=2021-06-01");
        Assert.Equal("GB", own.Str("participant"));
        Assert.Equal("active", own.Str("status"));

        var listed2020 = await client.GetJson("/api/participants?on=2020-06-01&q=GB");
        Assert.Equal("covered-by-eu", Assert.Single(listed2020.GetProperty("items").EnumerateArray()).Str("status"));
        var covered = await client.GetJson("/api/participants?on=2020-06-01&status=covered-by-eu");
        var coveredCodes = covered.GetProperty("items").EnumerateArray().Select(p => p.Str("code")).ToList();
        Assert.Contains("GB", coveredCodes);
        Assert.Contains("HR", coveredCodes); // a participant of its own until it joined the EU in 2013
        Assert.DoesNotContain("BW", coveredCodes);
        var listed2021 = await client.GetJson("/api/participants?on=2021-06-01&q=GB");
        Assert.Equal("active", Assert.Single(listed2021.GetProperty("items").EnumerateArray()).Str("status"));
    }

    [Fact]
    public async Task A_country_that_never_joined_is_refused_on_both_sides()
    {
        var answer = await Permission("DZ", "KP", "BW", "2026-01-15");
        Assert.Equal(["exporter-not-participant", "importer-not-participant"], answer.Codes());
    }

    [Fact]
    public async Task Every_refusal_is_reported_at_once()
    {
        var answer = await Permission("VE", "CG", "CI", "2010-06-01");
        Assert.Equal(["exporter-self-suspended", "origin-embargoed"], answer.Codes());
        var many = await Permission("CF", "VE", "CF", "2014-01-01", "Bria");
        Assert.Equal(["exporter-suspended", "importer-self-suspended"], many.Codes());
    }

    [Fact]
    public async Task Chinese_Taipei_trades_as_a_trading_entity()
    {
        var client = await app.ClientFor(null);
        var tw = await client.GetJson("/api/participants/TW");
        Assert.Equal("trading-entity", tw.Str("kind"));
        Assert.True((await Permission("TW", "EU", "BW", "2026-01-15")).GetProperty("allowed").GetBoolean());
    }

    [Fact]
    public async Task The_participant_list_shows_the_status_of_the_day_asked()
    {
        var client = await app.ClientFor(null);
        var list = await client.GetJson("/api/participants?on=2014-01-01&status=suspended");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), p => p.Str("code") == "CF");
        var today = await client.GetJson("/api/participants");
        Assert.True(today.GetProperty("total").GetInt32() >= 60);
        var search = await client.GetJson("/api/participants?q=venez");
        Assert.Equal("VE", search.GetProperty("items")[0].Str("code"));
    }

    [Fact]
    public async Task A_participant_page_carries_its_history_with_the_decisions()
    {
        var client = await app.ClientFor(null);
        var cf = await client.GetJson("/api/participants/CF");
        var history = cf.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, e => e.Str("status") == "suspended" && e.Str("effectiveOn") == "2013-05-23");
        Assert.All(history, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("decision").Str("title"))));
        Assert.Contains(cf.GetProperty("zones").EnumerateArray(), z => z.Str("name") == "Berbérati");
    }
}
