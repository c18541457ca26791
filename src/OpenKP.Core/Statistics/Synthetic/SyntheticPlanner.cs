using OpenKP.Certificates;
using OpenKP.Registry;

namespace OpenKP.Statistics.Synthetic;

/// <summary>Where numbering and ids start: the database's current maxima and certificate sequences.</summary>
internal sealed record SyntheticStart(
    long CertificateId, long LineId, long ConfirmationId, long ArrivalCheckId, long ReturnId, long ProductionLineId,
    IReadOnlyDictionary<(string Participant, int Period), long> Sequences);

/// <summary>What the registry says about a participant that the generator needs.</summary>
internal sealed record SyntheticParticipant(string Code, string Authority, CertificateNumberFormat Format, int ValidityDays);

/// <summary>
/// Builds the synthetic years in memory, one after the other, deterministically: every random draw
/// comes from <see cref="Random"/> seeded with the request's seed (one stream for the plants, one per
/// year), never from the clock or a GUID. Certificates are only drawn on days the registry allows the
/// trade (<see cref="TradeRules"/>), so none breaks the scheme's rules on its issue date.
/// </summary>
internal sealed class SyntheticPlanner
{
    private static readonly string[] CompanyKinds = ["Rough Diamond Exports", "Diamond Trading", "Gem Resources", "Mining & Sales"];
    /// <summary>The producers anomalies are planted on: large enough that a quarter has many certificates.</summary>
    private static readonly string[] PlantCandidates = ["BW", "RU", "CA", "ZA", "AO", "NA"];
    private static readonly double MeanWorldPrice = Enumerable.Range(2006, 18).Average(SyntheticCalibration.WorldPricePerCarat);

    private readonly SyntheticRequest _request;
    private readonly RegistrySnapshot _registry;
    private readonly IReadOnlyDictionary<string, SyntheticParticipant> _participants;
    private readonly DateOnly _today;
    private readonly DateTime _now;
    private readonly double _scale;
    private readonly Dictionary<(string, string, string, DateOnly), bool> _allowed = [];
    private readonly Dictionary<(string Participant, int Period), long> _sequences;
    private readonly Dictionary<string, SyntheticCompany[]> _companies = new(StringComparer.Ordinal);
    private readonly HashSet<int> _incompleteYears = [];
    private long _certificateId;
    private long _lineId;
    private long _confirmationId;
    private long _arrivalId;
    private long _returnId;
    private long _productionLineId;

    public SyntheticPlanner(SyntheticRequest request, RegistrySnapshot registry, IReadOnlyDictionary<string, SyntheticParticipant> participants, SyntheticStart start, DateTime now)
    {
        _request = request;
        _registry = registry;
        _participants = participants;
        // Everything happens before today began: the same day gives the same data, whatever the hour.
        _today = DateOnly.FromDateTime(now);
        _now = _today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        _scale = SyntheticCalibration.Scale(request.CertificatesPerYear);
        _sequences = new(start.Sequences);
        (_certificateId, _lineId, _confirmationId, _arrivalId, _returnId, _productionLineId) =
            (start.CertificateId, start.LineId, start.ConfirmationId, start.ArrivalCheckId, start.ReturnId, start.ProductionLineId);
        LastYear = _today.Year;
        FirstYear = LastYear - request.Years + 1;
        Planted = Plant();
    }

    public int FirstYear { get; }
    public int LastYear { get; }
    public IReadOnlyList<PlantedAnomaly> Planted { get; }

    /// <summary>The years built so far in full: every day issued and every production return sent (the current year never is).</summary>
    public IReadOnlyList<int> CompleteYears => [.. Enumerable.Range(FirstYear, _request.Years).Where(y => y < LastYear && !_incompleteYears.Contains(y))];

    /// <summary>The highest number issued per participant and numbering period, after the years generated so far.</summary>
    public IReadOnlyDictionary<(string Participant, int Period), long> Sequences => _sequences;

    /// <summary>Roughly how many certificates the run writes (for the progress bar).</summary>
    public long ExpectedCertificates
    {
        get
        {
            var elapsed = (_today.DayNumber - new DateOnly(LastYear, 1, 1).DayNumber) / 365.0;
            return (long)(_request.CertificatesPerYear * ((_request.Years - 1) + elapsed));
        }
    }

    /// <summary>
    /// Five plants, one per kind, each on a different large producer active in every generated year, in a
    /// year with two years of history before it and whose production returns are past due.
    /// </summary>
    private List<PlantedAnomaly> Plant()
    {
        var random = new Random(StreamSeed(_request.Seed, 0));
        var first = FirstYear + 2;
        var last = LastYear - 2;
        if (last < first)
        {
            return [];
        }

        var candidates = PlantCandidates
            .Where(p => _participants.ContainsKey(p) && Enumerable.Range(FirstYear, _request.Years).All(y => Allowed(p, "EU", p, new DateOnly(y, 6, 30))))
            .OrderBy(_ => random.Next())
            .ToList();
        AnomalyKind[] kinds = [AnomalyKind.PriceOutsideOwnBand, AnomalyKind.ExportsExceedSupply, AnomalyKind.PeriodChange, AnomalyKind.CertificateCountJump, AnomalyKind.MissingSubmission];
        var planted = new List<PlantedAnomaly>();
        foreach (var (kind, participant) in kinds.Zip(candidates))
        {
            var year = random.Next(first, last + 1);
            var quarter = random.Next(2, 5);
            planted.Add(kind switch
            {
                AnomalyKind.PriceOutsideOwnBand => new(kind, participant, year, quarter, $"Export US$ per carat ×5 in {year}-Q{quarter}, every line."),
                AnomalyKind.ExportsExceedSupply => new(kind, participant, year, null, $"Production returns of {year} cut to 40 %: exports about 2.3× production plus imports."),
                AnomalyKind.PeriodChange => new(kind, participant, year, quarter, $"Exported carats and US$ ×4 in {year}-Q{quarter} over the quarter before (production raised to match)."),
                AnomalyKind.CertificateCountJump => new(kind, participant, year, quarter, $"Four times as many export certificates in {year}-Q{quarter}, for the same carats and US$."),
                _ => new(kind, participant, year, null, $"No production return for either half of {year}."),
            });
        }

        return planted;
    }

    private PlantedAnomaly? PlantOf(AnomalyKind kind, string participant, int year, int? quarter = null)
        => Planted.FirstOrDefault(p => p.Kind == kind && p.Participant == participant && p.Year == year && (quarter is null || p.Quarter == quarter));

    /// <summary>Builds one year: production returns, then every lane's certificates quarter by quarter, then numbers and ids.</summary>
    public SyntheticYear BuildYear(int year)
    {
        var random = new Random(StreamSeed(_request.Seed, year));
        var worldCarats = SyntheticCalibration.WorldProductionCarats(year) * _scale;
        var priceIndex = SyntheticCalibration.WorldPricePerCarat(year) / MeanWorldPrice;

        // Lane-quarters: (exporter, importer, quarter) → carats, US$/ct, origin.
        var lanes = new List<Lane>();
        var returns = new List<SyntheticReturn>();
        var toCentres = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var producer in SyntheticNetwork.Producers.Where(p => _participants.ContainsKey(p.Code)))
        {
            var produced = worldCarats * SyntheticNetwork.ShareIn(producer, year);
            var price = (producer.LowPrice + ((producer.HighPrice - producer.LowPrice) * (0.35 + (0.3 * random.NextDouble())))) * priceIndex;
            var halves = new double[2];
            halves[0] = produced * (0.47 + (0.06 * random.NextDouble()));
            halves[1] = produced - halves[0];
            var mined = (double[])halves.Clone();
            for (var q = 1; q <= 4; q++)
            {
                var exported = mined[(q - 1) / 2] / 2 * (0.88 + (0.08 * random.NextDouble()));
                var quarterPrice = price * (0.94 + (0.12 * random.NextDouble()));
                var (caratFactor, priceFactor, countFactor) = (1.0, 1.0, 1.0);
                if (PlantOf(AnomalyKind.PeriodChange, producer.Code, year, q) is not null)
                {
                    // The quarter's exports ×4: the half's production rises to match, so supply still covers them.
                    caratFactor = 4;
                    halves[(q - 1) / 2] *= 2.5;
                }

                if (PlantOf(AnomalyKind.PriceOutsideOwnBand, producer.Code, year, q) is not null)
                {
                    priceFactor = 5;
                }

                if (PlantOf(AnomalyKind.CertificateCountJump, producer.Code, year, q) is not null)
                {
                    countFactor = 4;
                }

                foreach (var (to, weight) in SyntheticNetwork.ProducerRoutes)
                {
                    if (!_participants.ContainsKey(to) || !Allowed(producer.Code, to, producer.Code, MidQuarter(year, q)))
                    {
                        continue;
                    }

                    var carats = exported * weight * caratFactor;
                    toCentres[to] = toCentres.GetValueOrDefault(to) + carats;
                    lanes.Add(new Lane(producer.Code, to, producer.Code, q, carats, quarterPrice * priceFactor, countFactor, exported * weight * quarterPrice));
                }
            }

            if (PlantOf(AnomalyKind.ExportsExceedSupply, producer.Code, year) is not null)
            {
                halves[0] *= 0.4;
                halves[1] *= 0.4;
            }

            if (PlantOf(AnomalyKind.MissingSubmission, producer.Code, year) is null)
            {
                for (var h = 1; h <= 2; h++)
                {
                    AddReturn(returns, random, producer, year, h, halves[h - 1], price);
                }
            }
        }

        // Centres: a nil return each half (they mine nothing), and their re-exports.
        foreach (var centre in SyntheticNetwork.Centres.Where(c => _participants.ContainsKey(c.Code)))
        {
            for (var h = 1; h <= 2; h++)
            {
                AddReturn(returns, random, null, year, h, 0, 0, centre.Code);
            }
        }

        // Centres trade sorted, mixed-origin goods a little above the world's mean production price.
        var centrePrice = SyntheticCalibration.WorldPricePerCarat(year) * 1.1;
        foreach (var ((from, to), carats) in SyntheticNetwork.CentreFlows(toCentres))
        {
            if (!_participants.ContainsKey(from) || !_participants.ContainsKey(to))
            {
                continue;
            }

            for (var q = 1; q <= 4; q++)
            {
                if (Allowed(from, to, "mixed", MidQuarter(year, q)))
                {
                    var quarterCarats = carats / 4 * (0.9 + (0.2 * random.NextDouble()));
                    var quarterPrice = centrePrice * (0.93 + (0.14 * random.NextDouble()));
                    lanes.Add(new Lane(from, to, "mixed", q, quarterCarats, quarterPrice, 1, quarterCarats * quarterPrice));
                }
            }
        }

        var certificates = Certify(random, year, lanes);
        var firstLineId = _lineId + 1;
        Number(certificates);
        var firstProductionLineId = _productionLineId + 1;
        foreach (var r in returns)
        {
            r.Id = ++_returnId;
            _productionLineId += r.Lines.Count;
        }

        return new SyntheticYear(year, certificates, returns, firstLineId, firstProductionLineId);
    }

    /// <summary>
    /// One exporter's shipments to one importer in a quarter. <see cref="AllocationUsd"/> is its value before
    /// any plant: certificates are shared out by it, so a planted price or volume does not move the count.
    /// </summary>
    private sealed record Lane(string From, string To, string Origin, int Quarter, double Carats, double PricePerCarat, double CountFactor, double AllocationUsd);

    private void AddReturn(List<SyntheticReturn> returns, Random random, Producer? producer, int year, int half, double carats, double price, string? code = null)
    {
        var participant = producer?.Code ?? code!;
        var halfEnd = half == 1 ? new DateOnly(year, 6, 30) : new DateOnly(year, 12, 31);
        var submitted = halfEnd.AddDays(random.Next(15, 56)).ToDateTime(new TimeOnly(9, 0)).AddMinutes(random.Next(0, 480));
        if (submitted >= _now)
        {
            // Not yet sent (it is not due yet, or only just): the year is not complete.
            _incompleteYears.Add(year);
            return;
        }

        var lines = new List<(MiningType, long, long)>();
        if (producer is not null && carats > 0)
        {
            var usd = carats * price * (0.95 + (0.1 * random.NextDouble()));
            var artisanal = producer.ArtisanalShare;
            lines.Add((MiningType.Industrial, Hundredths(carats * (1 - artisanal)), Hundredths(usd * (1 - artisanal))));
            if (artisanal > 0)
            {
                lines.Add((MiningType.ArtisanalAlluvial, Hundredths(carats * artisanal), Hundredths(usd * artisanal)));
            }
        }

        returns.Add(new SyntheticReturn(participant, year, half, DateTime.SpecifyKind(submitted, DateTimeKind.Utc), lines));
    }

    /// <summary>Splits each lane-quarter into certificates: the year's count shared by value, at least one per lane-quarter.</summary>
    private List<SyntheticCertificate> Certify(Random random, int year, List<Lane> lanes)
    {
        var totalUsd = lanes.Sum(l => l.AllocationUsd);
        var certificates = new List<SyntheticCertificate>(_request.CertificatesPerYear + lanes.Count);
        foreach (var lane in lanes)
        {
            var share = lane.AllocationUsd / totalUsd;
            var count = (int)(Math.Max(1, Math.Round(share * _request.CertificatesPerYear)) * lane.CountFactor);
            var weights = new double[count];
            for (var i = 0; i < count; i++)
            {
                weights[i] = Math.Exp(0.6 * Normal(random));
            }

            var sum = weights.Sum();
            for (var i = 0; i < count; i++)
            {
                var carats = lane.Carats * weights[i] / sum;
                if (Draw(random, lane, year, carats) is { } certificate)
                {
                    certificates.Add(certificate);
                }
            }
        }

        return certificates;
    }

    private SyntheticCertificate? Draw(Random random, Lane lane, int year, double carats)
    {
        var quarterStart = new DateOnly(year, ((lane.Quarter - 1) * 3) + 1, 1);
        var days = quarterStart.AddMonths(3).DayNumber - quarterStart.DayNumber;
        DateOnly? issued = null;
        for (var attempt = 0; attempt < 5 && issued is null; attempt++)
        {
            var day = quarterStart.AddDays(random.Next(days));
            if (Allowed(lane.From, lane.To, lane.Origin, day))
            {
                issued = day;
            }
        }

        // Drawn the same whatever happens below, so one dropped certificate does not shift the rest.
        var lineCount = random.NextDouble() switch { < 0.45 => 1, < 0.85 => 2, _ => 3 };
        var mix = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
        var priceNoise = 0.9 + (0.2 * random.NextDouble());
        var exporterCompany = random.Next(CompanyKinds.Length);
        var importerCompany = random.Next(CompanyKinds.Length);
        var parcels = 1 + lineCount + random.Next(5);
        var minute = random.Next(8 * 60);
        var tiebreak = random.Next();
        var versionBytes = new byte[16];
        random.NextBytes(versionBytes);
        var delay = (int)Math.Round(Math.Exp(2.3 + (0.6 * Normal(random))));
        var arrivalDraw = random.NextDouble();
        var differenceDraw = random.NextDouble();
        var differenceSize = random.NextDouble();
        if (issued is not { } on || on >= _today || carats < 0.02)
        {
            return null;
        }

        // HS codes: producers ship mostly unsorted (7102.10), centres sorted gem quality (7102.31); 7102.21 is industrial, cheap.
        string[] codes = lane.Origin == "mixed" ? ["7102.31", "7102.21", "7102.10"] : ["7102.10", "7102.31", "7102.21"];
        double[] factors = lane.Origin == "mixed" ? [1.15, 0.12, 0.9] : [1.0, 2.0, 0.12];
        var lines = new SyntheticLine[lineCount];
        var weights = mix.Take(lineCount).Select((m, i) => i == 0 ? 1.5 + m : 0.2 + m).ToArray();
        var weightSum = weights.Sum();
        var meanFactor = weights.Select((w, i) => w * factors[i]).Sum() / weightSum;
        for (var i = 0; i < lineCount; i++)
        {
            var lineCarats = carats * weights[i] / weightSum;
            var usd = lineCarats * lane.PricePerCarat * priceNoise * factors[i] / meanFactor;
            lines[i] = new SyntheticLine(codes[i], Math.Max(1, Hundredths(lineCarats)), Math.Max(100, Hundredths(usd)));
        }

        var exporter = _participants[lane.From];
        var importer = _participants[lane.To];
        var totalCarats = lines.Sum(l => l.CaratsHundredths);
        var totalUsd = lines.Sum(l => l.UsdCents);
        return new SyntheticCertificate
        {
            Exporter = lane.From,
            Importer = lane.To,
            Authority = exporter.Authority,
            ImporterAuthority = importer.Authority,
            ExporterCompany = CompanyOf(lane.From, exporterCompany),
            ImporterCompany = CompanyOf(lane.To, importerCompany),
            Origin = lane.Origin,
            Parcels = parcels,
            IssuedOn = on,
            ExpiresOn = on.AddDays(exporter.ValidityDays),
            CreatedAt = DateTime.SpecifyKind(on.ToDateTime(new TimeOnly(8, 0)).AddMinutes(minute), DateTimeKind.Utc),
            Version = new Guid(versionBytes),
            Lines = lines,
            TotalCaratsHundredths = totalCarats,
            TotalUsdCents = totalUsd,
            Tiebreak = tiebreak,
            Arrival = Arrive(on, delay, arrivalDraw, differenceDraw, differenceSize, totalCarats, totalUsd),
        };
    }

    /// <summary>
    /// Most shipments arrive days to weeks after issue and are confirmed; 1.5 % never are. 3 % arrive
    /// with a value found off by up to 4.5 % and 1 % with carats off by up to 0.45 %: within the default
    /// tolerances, so customs accepted them.
    /// </summary>
    private SyntheticArrival? Arrive(DateOnly issued, int delay, double arrivalDraw, double differenceDraw, double differenceSize, long carats, long usd)
    {
        var received = issued.AddDays(Math.Clamp(delay, 2, 60));
        var confirmedAt = DateTime.SpecifyKind(received.ToDateTime(new TimeOnly(10, 0)).AddHours(arrivalDraw * 48), DateTimeKind.Utc);
        if (arrivalDraw < 0.015 || confirmedAt >= _now)
        {
            return null;
        }

        var usdFound = differenceDraw < 0.03 ? (long)(usd * (1 + ((differenceSize - 0.5) * 0.09))) : usd;
        var caratsConfirmed = differenceDraw is >= 0.03 and < 0.04 ? (long)(carats * (1 + ((differenceSize - 0.5) * 0.009))) : carats;
        return new SyntheticArrival(received, confirmedAt, caratsConfirmed, usdFound, caratsConfirmed);
    }

    /// <summary>Orders the year by issue date, then numbers each participant's certificates in its own format and assigns every id.</summary>
    private void Number(List<SyntheticCertificate> certificates)
    {
        certificates.Sort((a, b) => a.IssuedOn != b.IssuedOn ? a.IssuedOn.CompareTo(b.IssuedOn) : a.Tiebreak.CompareTo(b.Tiebreak));
        foreach (var c in certificates)
        {
            var format = _participants[c.Exporter].Format;
            var key = (c.Exporter, format.PeriodOf(c.IssuedOn));
            var next = _sequences.GetValueOrDefault(key) + 1;
            _sequences[key] = next;
            c.Number = format.Format(c.Exporter, c.IssuedOn, next);
            c.Id = ++_certificateId;
            _lineId += c.Lines.Length;
            if (c.Arrival is { } arrival)
            {
                arrival.ConfirmationId = ++_confirmationId;
                arrival.ArrivalCheckId = ++_arrivalId;
            }
        }
    }

    private bool Allowed(string exporter, string importer, string origin, DateOnly on)
    {
        if (!_allowed.TryGetValue((exporter, importer, origin, on), out var allowed))
        {
            allowed = TradeRules.Check(_registry, new TradeQuestion(exporter, importer, origin, null, on)).Allowed;
            _allowed[(exporter, importer, origin, on)] = allowed;
        }

        return allowed;
    }

    private SyntheticCompany CompanyOf(string participant, int index)
    {
        if (!_companies.TryGetValue(participant, out var companies))
        {
            var city = SyntheticNetwork.CityOf(participant);
            companies = [.. CompanyKinds.Select((kind, i) => new SyntheticCompany(
                $"{city} {kind} (synthetic)", $"{(i + 1) * 7} Diamond Street, {city}", $"{participant}-SYN-{i + 1:000}"))];
            _companies[participant] = companies;
        }

        return companies[index];
    }

    /// <summary>A seed per stream (0 for the plants, else the year). Not <c>HashCode.Combine</c>: that is salted per process.</summary>
    private static int StreamSeed(int seed, int stream) => unchecked((seed * 1_000_003) + (stream * 7_919) + 17);

    private static DateOnly MidQuarter(int year, int quarter) => new(year, ((quarter - 1) * 3) + 2, 15);

    private static long Hundredths(double amount) => checked((long)Math.Round(amount * 100));

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Normal(Random random)
        => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
