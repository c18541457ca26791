using OpenKP.Registry;
using static OpenKP.Core.Tests.Registry.Registries;

namespace OpenKP.Core.Tests.Registry;

public sealed class TradeRulesTests
{
    private static string[] Codes(RegistrySnapshot world, string exporter, string importer, string origin, string on, string? zone = null, bool certified = false)
        => [.. TradeRules.Check(world, new TradeQuestion(exporter, importer, origin, zone, Day(on), certified)).Violations.Select(v => v.Code)];

    [Fact]
    public void Two_active_participants_may_trade_diamonds_of_an_active_origin()
        => Assert.Empty(Codes(World(), "AA", "BB", "AA", "2012-01-01"));

    [Theory]
    [InlineData("SS", "BB", "exporter-suspended")]
    [InlineData("VV", "BB", "exporter-self-suspended")]
    [InlineData("QQ", "BB", "exporter-not-participant")]
    [InlineData("AA", "SS", "importer-suspended")]
    [InlineData("AA", "VV", "importer-self-suspended")]
    [InlineData("AA", "QQ", "importer-not-participant")]
    [InlineData("AA", "AP", "importer-not-participant")]
    [InlineData("DE", "EU", "exporter-and-importer-same-participant")]
    public void Each_party_is_judged_on_its_status_of_the_day(string exporter, string importer, string code)
        => Assert.Equal([code], Codes(World(), exporter, importer, "AA", "2019-07-01"));

    [Fact]
    public void The_same_parties_were_fine_before_the_suspension()
        => Assert.Empty(Codes(World(), "SS", "VV", "AA", "2009-12-31"));

    [Fact]
    public void Before_admission_a_participant_is_not_yet_one_and_an_applicant_is_not_one_either()
    {
        Assert.Equal(["exporter-not-participant"], Codes(World(), "AP", "BB", "AA", "2019-01-01"));
        Assert.Equal(["exporter-not-participant"], Codes(World(), "AP", "BB", "AA", "2019-07-01"));
        Assert.Empty(Codes(World(), "AP", "BB", "AA", "2020-01-01"));
    }

    [Fact]
    public void A_zone_limited_origin_needs_a_compliant_zone_of_that_day()
    {
        var world = World();
        Assert.Equal(["origin-zone-required"], Codes(world, "ZL", "BB", "ZL", "2012-01-01"));
        Assert.Equal(["origin-zone-not-compliant"], Codes(world, "ZL", "BB", "ZL", "2012-01-01", "Redhill"));
        Assert.Empty(Codes(world, "ZL", "BB", "ZL", "2012-01-01", "greenvale"));
        Assert.Equal(["origin-zone-not-compliant"], Codes(world, "ZL", "BB", "ZL", "2010-06-01", "Greenvale"));
        Assert.Equal(["origin-zone-not-compliant"], Codes(world, "ZL", "BB", "ZL", "2015-01-01", "Greenvale"));
    }

    [Fact]
    public void Special_measures_refuse_their_area_only()
    {
        var world = World();
        Assert.Equal(["origin-under-special-measures"], Codes(world, "SM", "BB", "SM", "2011-01-01", "Northfield"));
        Assert.Empty(Codes(world, "SM", "BB", "SM", "2011-01-01", "Southfield"));
        Assert.Equal(["origin-zone-required"], Codes(world, "SM", "BB", "SM", "2011-01-01"));
        // A re-export of the area's diamonds from elsewhere is refused too: the measures follow the origin.
        Assert.Equal(["origin-under-special-measures"], Codes(world, "AA", "BB", "SM", "2011-01-01", "Northfield"));
    }

    [Fact]
    public void An_embargo_refuses_its_origin_inside_its_dates_only()
    {
        var world = World(Embargo("XX", "2005-01-01", "2008-01-01"));
        Assert.Equal(["origin-embargoed"], Codes(world, "AA", "BB", "XX", "2005-01-01"));
        Assert.Equal(["origin-embargoed"], Codes(world, "AA", "BB", "XX", "2007-12-31", certified: true));
        Assert.Empty(Codes(world, "AA", "BB", "XX", "2008-01-01"));
        Assert.Empty(Codes(world, "AA", "BB", "XX", "2004-12-31"));
    }

    [Fact]
    public void An_embargo_with_a_government_exemption_lets_certified_goods_through()
    {
        var world = World(Embargo("XX", "2005-01-01", null, exempt: true));
        Assert.Equal(["origin-embargoed"], Codes(world, "AA", "BB", "XX", "2020-01-01"));
        Assert.Empty(Codes(world, "AA", "BB", "XX", "2020-01-01", certified: true));
    }

    [Fact]
    public void A_member_state_resolves_to_the_EU_while_covered_and_to_nothing_after()
    {
        var world = World();
        Assert.Equal("EU", world.ParticipantFor("DE", Day("2020-01-01")));
        Assert.Equal("EU", world.ParticipantFor("XB", Day("2020-12-31")));
        Assert.Null(world.ParticipantFor("XB", Day("2021-01-01")));
        Assert.Empty(Codes(world, "DE", "BB", "AA", "2020-01-01"));
        Assert.Equal(["exporter-not-participant"], Codes(world, "XB", "BB", "AA", "2021-01-01"));
    }

    [Fact]
    public void A_trading_entity_trades_like_an_active_participant()
    {
        var world = new RegistrySnapshot([Participant("TT", ParticipantKind.TradingEntity), Participant("AA")], [Event("AA", "2003-01-01", ParticipantStatus.Active)], [], [], []);
        Assert.Empty(Codes(world, "TT", "AA", "AA", "2010-01-01"));
    }

    [Fact]
    public void Every_violation_is_returned_at_once_with_its_field()
    {
        var result = TradeRules.Check(World(Embargo("ZL", "2000-01-01", null)), new TradeQuestion("SS", "VV", "ZL", "Nowhere", Day("2012-01-01")));
        Assert.Equal(
            [("exporter-suspended", "exporter"), ("importer-self-suspended", "importer"), ("origin-embargoed", "origin"), ("origin-zone-not-compliant", "zone")],
            result.Violations.Select(v => (v.Code, v.Field!)));
        Assert.All(result.Violations, v => Assert.Contains("2012-01-01", v.Message));
    }

    [Fact]
    public void A_status_change_takes_effect_on_its_own_day()
    {
        var world = World();
        Assert.Equal(ParticipantStatus.Active, world.StandingOf("SS", Day("2009-12-31")).Status);
        Assert.Equal(ParticipantStatus.Suspended, world.StandingOf("SS", Day("2010-01-01")).Status);
    }
}
