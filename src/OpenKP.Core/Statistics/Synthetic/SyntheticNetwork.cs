namespace OpenKP.Statistics.Synthetic;

/// <summary>A producing participant: its share of world carats, its export price band (US$/ct, KP data as reported) and how much is artisanal.</summary>
internal sealed record Producer(string Code, double Share, double LowPrice, double HighPrice, double ArtisanalShare, string City);

/// <summary>A trading or cutting centre: the share of its imports it re-exports as rough, and where its rough goes.</summary>
internal sealed record Centre(string Code, double ReExportShare, string City, IReadOnlyList<(string To, double Weight)> Routes);

/// <summary>
/// The shape of the synthetic trade network: producers ship to trading centres, which re-export among
/// themselves and to the cutting centres. Shares are of world production; prices come from
/// kpcs-reference §10 and scale with the world price of the year.
/// </summary>
internal static class SyntheticNetwork
{
    public static readonly IReadOnlyList<Producer> Producers =
    [
        new("RU", 0.290, 70, 100, 0.00, "Mirny"),
        new("BW", 0.190, 130, 190, 0.00, "Gaborone"),
        new("CA", 0.110, 100, 240, 0.00, "Yellowknife"),
        new("CD", 0.120, 9, 11, 0.70, "Kinshasa"),
        new("AO", 0.070, 120, 140, 0.15, "Luanda"),
        new("ZA", 0.060, 150, 320, 0.05, "Johannesburg"),
        new("ZW", 0.030, 50, 70, 0.10, "Harare"),
        new("AU", 0.080, 16, 28, 0.00, "Perth"),
        new("NA", 0.015, 300, 600, 0.00, "Windhoek"),
        new("SL", 0.006, 230, 460, 0.50, "Freetown"),
        new("LS", 0.004, 600, 1800, 0.00, "Maseru"),
    ];

    /// <summary>Where producers send their rough (weights).</summary>
    public static readonly IReadOnlyList<(string To, double Weight)> ProducerRoutes =
    [
        ("EU", 0.35), ("AE", 0.28), ("IN", 0.20), ("IL", 0.08), ("CN", 0.05), ("US", 0.04),
    ];

    /// <summary>Re-export shares stay well under 1, so every centre's exports stay below its imports (no unplanted ExportsExceedSupply).</summary>
    public static readonly IReadOnlyList<Centre> Centres =
    [
        new("EU", 0.85, "Antwerp", [("IN", 0.45), ("AE", 0.25), ("IL", 0.15), ("CN", 0.08), ("US", 0.07)]),
        new("AE", 0.85, "Dubai", [("IN", 0.50), ("EU", 0.30), ("CN", 0.10), ("IL", 0.10)]),
        new("IL", 0.75, "Ramat Gan", [("IN", 0.45), ("EU", 0.35), ("US", 0.20)]),
        new("US", 0.60, "New York", [("IN", 0.50), ("EU", 0.50)]),
        new("IN", 0.30, "Mumbai", [("EU", 0.40), ("AE", 0.40), ("CN", 0.20)]),
        new("CN", 0.20, "Shanghai", [("IN", 0.60), ("AE", 0.40)]),
    ];

    public static Producer? ProducerOf(string code) => Producers.FirstOrDefault(p => p.Code == code);

    public static Centre? CentreOf(string code) => Centres.FirstOrDefault(c => c.Code == code);

    /// <summary>Every participant the network names, producers first.</summary>
    public static IEnumerable<string> Participants => Producers.Select(p => p.Code).Concat(Centres.Select(c => c.Code));

    public static string CityOf(string code) => ProducerOf(code)?.City ?? CentreOf(code)?.City ?? code;

    /// <summary>A producer's share of world production in a year: Argyle (Australia) closed in 2020.</summary>
    public static double ShareIn(Producer producer, int year) => producer.Code == "AU" && year > 2020 ? 0.0005 : producer.Share;

    /// <summary>
    /// Each centre's yearly rough exports to each partner, in carats, given what producers ship to each
    /// centre: the steady state of imports = producer shipments + re-exports received, exports = share × imports.
    /// </summary>
    public static Dictionary<(string From, string To), double> CentreFlows(IReadOnlyDictionary<string, double> fromProducers)
    {
        var imports = Centres.ToDictionary(c => c.Code, c => fromProducers.GetValueOrDefault(c.Code));
        for (var i = 0; i < 200; i++)
        {
            var next = Centres.ToDictionary(c => c.Code, c => fromProducers.GetValueOrDefault(c.Code));
            foreach (var c in Centres)
            {
                foreach (var (to, weight) in c.Routes)
                {
                    next[to] += imports[c.Code] * c.ReExportShare * weight;
                }
            }

            imports = next;
        }

        var flows = new Dictionary<(string, string), double>();
        foreach (var c in Centres)
        {
            foreach (var (to, weight) in c.Routes)
            {
                flows[(c.Code, to)] = imports[c.Code] * c.ReExportShare * weight;
            }
        }

        return flows;
    }
}
