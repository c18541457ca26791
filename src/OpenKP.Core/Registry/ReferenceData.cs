using System.Globalization;
using System.Reflection;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Registry;

/// <summary>The five reference CSV files, as text. <see cref="Embedded"/> are the ones shipped in OpenKP.Core.</summary>
public sealed record ReferenceFiles(string Participants, string EuMembers, string StatusEvents, string Zones, string Observers)
{
    public static readonly string[] FileNames = ["participants.csv", "eu-members.csv", "status-events.csv", "zones.csv", "observers.csv"];

    public static ReferenceFiles Embedded()
    {
        var asm = typeof(ReferenceFiles).Assembly;
        return new(Read(asm, "participants.csv"), Read(asm, "eu-members.csv"), Read(asm, "status-events.csv"), Read(asm, "zones.csv"), Read(asm, "observers.csv"));
    }

    /// <summary>Reads the five files from a folder (the import command's input).</summary>
    public static ReferenceFiles FromDirectory(string directory)
    {
        string Load(string name) => File.ReadAllText(Path.Combine(directory, name));
        return new(Load("participants.csv"), Load("eu-members.csv"), Load("status-events.csv"), Load("zones.csv"), Load("observers.csv"));
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream($"OpenKP.Registry.Data.{name}")
            ?? throw new InvalidOperationException($"Embedded reference file {name} is missing from OpenKP.Core.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>What a reference-data load did.</summary>
public sealed record ReferenceDataReport(int ParticipantsAdded, int ParticipantsUpdated, int StatusEventsAdded, int EmbargoesAdded, int ZonesAdded, int EuMembershipsUpserted, int ObserversUpserted);

/// <summary>
/// Loads the registry's reference data (participants, EU membership, status history, zones,
/// observers) from the CSV files of shared/data, on first start and on <c>openkp registry import</c>.
/// Parsing checks every row first and reports every bad one; nothing is written unless all are good.
/// Re-importing updates names and dates and adds rows not yet present; it never deletes entries that
/// people recorded through the application.
/// </summary>
public static class ReferenceDataLoader
{
    /// <summary>Participants whose authorities work in French: their printed certificates carry French labels beside the English.</summary>
    public static readonly IReadOnlySet<string> FrancophoneParticipants = new HashSet<string>(StringComparer.Ordinal)
    {
        "BF", "CD", "CF", "CG", "CI", "CM", "GA", "GN", "LB", "MG", "ML", "TG", "TN",
    };

    public const string Actor = "reference-data";

    public static Outcome<ReferenceDataReport> Parse(ReferenceFiles files, out ParsedReferenceData data)
    {
        var errors = new List<Violation>();
        data = new ParsedReferenceData(
            ParseParticipants(files.Participants, errors),
            ParseEu(files.EuMembers, errors),
            ParseEvents(files.StatusEvents, errors),
            ParseZones(files.Zones, errors),
            ParseObservers(files.Observers, errors));
        var known = data.Participants.Select(p => p.Code).ToHashSet();
        foreach (var e in data.Events.Where(e => e.Status is not null && !known.Contains(e.Code)))
        {
            errors.Add(Bad("status-events.csv", e.Line, $"participant {e.Code} is not in participants.csv"));
        }

        foreach (var z in data.Zones.Where(z => !known.Contains(z.ParticipantCode)))
        {
            errors.Add(Bad("zones.csv", 0, $"participant {z.ParticipantCode} is not in participants.csv"));
        }

        return errors.Count > 0 ? Outcome<ReferenceDataReport>.Invalid(errors) : Outcome<ReferenceDataReport>.Success(new ReferenceDataReport(0, 0, 0, 0, 0, 0, 0));
    }

    /// <summary>Loads the files into the database in one transaction; every bad row is reported and nothing is written.</summary>
    public static async Task<Outcome<ReferenceDataReport>> LoadAsync(OpenKpDb db, ReferenceFiles files, DateTime now, CancellationToken ct = default)
    {
        var parsed = Parse(files, out var data);
        if (!parsed.Succeeded)
        {
            return parsed;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var report = await ApplyAsync(db, data, now, ct);
            await tx.CommitAsync(ct);
            return Outcome<ReferenceDataReport>.Success(report);
        });
    }

    private static async Task<ReferenceDataReport> ApplyAsync(OpenKpDb db, ParsedReferenceData data, DateTime now, CancellationToken ct)
    {
        int pAdded = 0, pUpdated = 0, evAdded = 0, emAdded = 0, zAdded = 0, euCount = 0, obsCount = 0;
        var participants = await db.Participants.ToDictionaryAsync(p => p.Code, ct);
        foreach (var row in data.Participants)
        {
            if (participants.TryGetValue(row.Code, out var existing))
            {
                if (existing.NameEn != row.NameEn || existing.NameFr != row.NameFr || existing.Kind != row.Kind || existing.AdmittedOn != row.Admitted.Date)
                {
                    existing.NameEn = row.NameEn;
                    existing.NameFr = row.NameFr;
                    existing.Kind = row.Kind;
                    existing.AdmittedOn = row.Admitted.Date;
                    existing.AdmittedPrecision = row.Admitted.Precision;
                    existing.Source = row.Source;
                    pUpdated++;
                }
            }
            else
            {
                db.Participants.Add(new Participant
                {
                    Code = row.Code,
                    NameEn = row.NameEn,
                    NameFr = row.NameFr,
                    Kind = row.Kind,
                    AdmittedOn = row.Admitted.Date,
                    AdmittedPrecision = row.Admitted.Precision,
                    Source = row.Source,
                    MaxCertificateValidityDays = 60,
                    CertificateLanguage = FrancophoneParticipants.Contains(row.Code) ? "fr" : null,
                });
                pAdded++;
            }
        }

        await db.SaveChangesAsync(ct);

        var eu = await db.EuMemberships.ToDictionaryAsync(m => m.CountryCode, ct);
        foreach (var row in data.Eu)
        {
            if (eu.TryGetValue(row.CountryCode, out var m))
            {
                if (m.From != row.From || m.EndsOn != row.EndsOn || m.Name != row.Name)
                {
                    (m.From, m.EndsOn, m.Name) = (row.From, row.EndsOn, row.Name);
                    euCount++;
                }
            }
            else
            {
                db.EuMemberships.Add(row);
                euCount++;
            }
        }

        var zones = await db.Zones.ToListAsync(ct);
        foreach (var z in data.Zones)
        {
            var existing = zones.FirstOrDefault(x => x.ParticipantCode == z.ParticipantCode && x.Kind == z.Kind && TradeRules.SameZone(x.Name, z.Name));
            if (existing is null)
            {
                db.Zones.Add(new Zone
                {
                    ParticipantCode = z.ParticipantCode,
                    Name = z.Name,
                    Kind = z.Kind,
                    From = z.From,
                    EndsOn = z.EndsOn,
                    Source = z.Source,
                    EnteredBy = Actor,
                    EnteredAt = now,
                });
                zAdded++;
            }
            else if (existing.From != z.From || existing.EndsOn != z.EndsOn)
            {
                (existing.From, existing.EndsOn) = (z.From, z.EndsOn);
                zAdded++;
            }
        }

        // Status history: the admission is itself an event, unless the file already has one that day.
        var events = await db.StatusEvents.Select(e => new { e.ParticipantCode, e.EffectiveOn, e.Status }).ToListAsync(ct);
        var seen = events.Select(e => (e.ParticipantCode, e.EffectiveOn, e.Status)).ToHashSet();
        var statusRows = data.Events.Where(e => e.Status is not null).ToList();
        foreach (var p in data.Participants)
        {
            if (!statusRows.Any(e => e.Code == p.Code && e.Date.Date == p.Admitted.Date))
            {
                statusRows.Add(new EventRow(0, p.Code, p.Admitted, ParticipantStatus.Active, null,
                    p.Kind == ParticipantKind.TradingEntity ? "recognised as a rough diamond trading entity" : "admitted as a participant",
                    p.Source ?? "participants.csv", "participants.csv"));
            }
        }

        foreach (var e in statusRows.OrderBy(e => e.Date.Date))
        {
            if (!seen.Add((e.Code, e.Date.Date, e.Status!.Value)))
            {
                continue;
            }

            var scope = e.Status == ParticipantStatus.SpecialMeasures
                ? string.Join(", ", data.Zones.Where(z => z.ParticipantCode == e.Code && z.Kind == ZoneKind.SpecialMeasuresArea && new DateRange(z.From, z.EndsOn).Contains(e.Date.Date)).Select(z => z.Name))
                : null;
            db.StatusEvents.Add(new StatusEvent
            {
                ParticipantCode = e.Code,
                EffectiveOn = e.Date.Date,
                Precision = e.Date.Precision,
                Status = e.Status.Value,
                Scope = string.IsNullOrEmpty(scope) ? null : scope,
                Note = e.Note,
                Confidence = e.Confidence,
                Decision = new DecisionReference { Title = Title(e.Note), Date = e.Date.Date, Reference = e.Source },
                EnteredBy = Actor,
                EnteredAt = now,
            });
            evAdded++;
        }

        // UN embargoes: a start row and the end row that follows it for the same origin.
        var embargoes = await db.Embargoes.Select(x => new { x.OriginCode, x.From }).ToListAsync(ct);
        foreach (var group in data.Events.Where(e => e.Status is null).GroupBy(e => e.Code))
        {
            EventRow? start = null;
            foreach (var e in group.OrderBy(e => e.Date.Date))
            {
                if (e.EmbargoStart)
                {
                    start = e;
                    continue;
                }

                if (start is not null)
                {
                    emAdded += AddEmbargo(db, embargoes.Any(x => x.OriginCode == start.Code && x.From == start.Date.Date), start, e.Date.Date, now);
                    start = null;
                }
            }

            if (start is not null)
            {
                emAdded += AddEmbargo(db, embargoes.Any(x => x.OriginCode == start.Code && x.From == start.Date.Date), start, null, now);
            }
        }

        var observers = await db.Observers.ToDictionaryAsync(o => o.Name, ct);
        foreach (var o in data.Observers)
        {
            if (observers.TryGetValue(o.Name, out var existing))
            {
                if (existing.Kind != o.Kind || existing.Since != o.Since || existing.Until != o.Until)
                {
                    (existing.Kind, existing.Since, existing.Until, existing.Source) = (o.Kind, o.Since, o.Until, o.Source);
                    obsCount++;
                }
            }
            else
            {
                db.Observers.Add(o);
                obsCount++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new ReferenceDataReport(pAdded, pUpdated, evAdded, emAdded, zAdded, euCount, obsCount);
    }

    private static int AddEmbargo(OpenKpDb db, bool exists, EventRow start, DateOnly? endsOn, DateTime now)
    {
        if (exists)
        {
            return 0;
        }

        db.Embargoes.Add(new Embargo
        {
            OriginCode = start.Code,
            From = start.Date.Date,
            EndsOn = endsOn,
            GovernmentCertifiedExempt = start.Note.Contains("except", StringComparison.OrdinalIgnoreCase)
                || start.Note.Contains("NOT controlled", StringComparison.Ordinal)
                || start.Note.Contains("exempt", StringComparison.OrdinalIgnoreCase),
            Note = start.Note,
            Decision = new DecisionReference { Title = Title(start.Note), Date = start.Date.Date, Reference = start.Source },
            EnteredBy = Actor,
            EnteredAt = now,
        });
        return 1;
    }

    private static string Title(string note)
    {
        var cut = note.IndexOfAny([':', ';', '(']);
        var title = (cut > 10 ? note[..cut] : note).Trim();
        return title.Length > 160 ? string.Concat(title.AsSpan(0, 157), "...") : title;
    }

    private static List<T> Rows<T>(string csv, Func<CsvReader, int, List<Violation>, T?> map, List<Violation> errors)
        where T : class
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { MissingFieldFound = null, BadDataFound = null, TrimOptions = TrimOptions.Trim };
        using var reader = new StringReader(csv);
        using var csvReader = new CsvReader(reader, config);
        csvReader.Read();
        csvReader.ReadHeader();
        var list = new List<T>();
        while (csvReader.Read())
        {
            var line = csvReader.Parser.RawRow;
            var row = map(csvReader, line, errors);
            if (row is not null)
            {
                list.Add(row);
            }
        }

        return list;
    }

    private static Violation Bad(string file, int line, string message)
        => new(RegistryCodes.ReferenceDataInvalid, line > 0 ? $"{file} line {line}: {message}" : $"{file}: {message}", file);

    private static List<ParticipantRow> ParseParticipants(string csv, List<Violation> errors) => Rows(csv, (r, line, errs) =>
    {
        var code = r.GetField("code");
        var admitted = r.GetField("admitted");
        var kind = r.GetField("kind") switch
        {
            "state" => ParticipantKind.State,
            "reio" or "regional-organisation" => ParticipantKind.RegionalOrganisation,
            "trading-entity" => ParticipantKind.TradingEntity,
            var k => (ParticipantKind?)null,
        };
        var name = r.GetField("name");
        var nameFr = r.HeaderRecord!.Contains("name_fr") ? r.GetField("name_fr") : name;
        if (!ParticipantCode.TryParse(code, out var pc) || !PartialDate.TryParse(admitted, out var date) || kind is null || string.IsNullOrWhiteSpace(name))
        {
            errs.Add(Bad("participants.csv", line, $"needs a two-letter code, a name, a kind (state, regional-organisation, trading-entity) and an admission date (YYYY, YYYY-MM or YYYY-MM-DD); got '{code}', '{r.GetField("kind")}', '{admitted}'"));
            return null;
        }

        return new ParticipantRow(pc.Value, name!, string.IsNullOrWhiteSpace(nameFr) ? name! : nameFr!, kind.Value, date, r.GetField("source"));
    }, errors);

    private static List<EuMembership> ParseEu(string csv, List<Violation> errors) => Rows(csv, (r, line, errs) =>
    {
        var code = r.GetField("code");
        var hasKp = r.HeaderRecord!.Contains("kp_until");
        var to = hasKp && !string.IsNullOrWhiteSpace(r.GetField("kp_until")) ? r.GetField("kp_until") : r.GetField("to");
        if (!ParticipantCode.TryParse(code, out var pc) || !PartialDate.TryParse(r.GetField("from"), out var from))
        {
            errs.Add(Bad("eu-members.csv", line, $"needs a code and a 'from' date; got '{code}', '{r.GetField("from")}'"));
            return null;
        }

        DateOnly? endsOn = null;
        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!PartialDate.TryParse(to, out var last))
            {
                errs.Add(Bad("eu-members.csv", line, $"'{to}' is not a date"));
                return null;
            }

            // The files give the last day covered; the registry stores the first day no longer covered.
            endsOn = last.Date.AddDays(1);
        }

        return new EuMembership { CountryCode = pc.Value, Name = r.GetField("name") ?? pc.Value, From = from.Date, EndsOn = endsOn };
    }, errors);

    private static List<EventRow> ParseEvents(string csv, List<Violation> errors) => Rows(csv, (r, line, errs) =>
    {
        var code = r.GetField("code");
        var statusText = r.GetField("status");
        if (!ParticipantCode.TryParse(code, out var pc) || !PartialDate.TryParse(r.GetField("date"), out var date))
        {
            errs.Add(Bad("status-events.csv", line, $"needs a code and a date; got '{code}', '{r.GetField("date")}'"));
            return null;
        }

        ParticipantStatus? status = statusText switch
        {
            "applicant" => ParticipantStatus.Applicant,
            "active" => ParticipantStatus.Active,
            "suspended" => ParticipantStatus.Suspended,
            "self-suspended" => ParticipantStatus.SelfSuspended,
            "special-measures" => ParticipantStatus.SpecialMeasures,
            "zone-limited" => ParticipantStatus.ZoneLimited,
            "withdrawn" => ParticipantStatus.Withdrawn,
            _ => null,
        };
        var embargo = statusText is "un-embargo-start" or "un-embargo-end";
        if (status is null && !embargo)
        {
            errs.Add(Bad("status-events.csv", line, $"unknown status '{statusText}'"));
            return null;
        }

        return new EventRow(line, pc.Value, date, status, statusText == "un-embargo-start" ? true : null, r.GetField("note") ?? string.Empty, r.GetField("source") ?? string.Empty, r.GetField("confidence"));
    }, errors);

    private static List<ZoneRow> ParseZones(string csv, List<Violation> errors) => Rows(csv, (r, line, errs) =>
    {
        var code = r.GetField("code");
        ZoneKind? kind = r.GetField("kind") switch
        {
            "compliant-zone" => ZoneKind.CompliantZone,
            "special-measures-area" => ZoneKind.SpecialMeasuresArea,
            _ => null,
        };
        var to = r.GetField("to");
        PartialDate until = default;
        if (!ParticipantCode.TryParse(code, out var pc) || kind is null || string.IsNullOrWhiteSpace(r.GetField("zone"))
            || !PartialDate.TryParse(r.GetField("from"), out var from)
            || (!string.IsNullOrWhiteSpace(to) && !PartialDate.TryParse(to, out until)))
        {
            errs.Add(Bad("zones.csv", line, "needs a code, a zone name, a kind (compliant-zone, special-measures-area) and valid dates"));
            return null;
        }

        // 'to' is the day the zone regime ended, so it is already the first day no longer inside.
        return new ZoneRow(pc.Value, r.GetField("zone")!, kind.Value, from.Date, string.IsNullOrWhiteSpace(to) ? null : until.Date, r.GetField("source"));
    }, errors);

    private static List<Observer> ParseObservers(string csv, List<Violation> errors) => Rows(csv, (r, line, errs) =>
    {
        ObserverKind? kind = r.GetField("kind") switch
        {
            "industry" => ObserverKind.Industry,
            "civil-society" => ObserverKind.CivilSociety,
            "independent-observer" => ObserverKind.IndependentObserver,
            _ => null,
        };
        var until = r.GetField("until");
        PartialDate untilDate = default;
        if (string.IsNullOrWhiteSpace(r.GetField("name")) || kind is null || !PartialDate.TryParse(r.GetField("since"), out var since)
            || (!string.IsNullOrWhiteSpace(until) && !PartialDate.TryParse(until, out untilDate)))
        {
            errs.Add(Bad("observers.csv", line, "needs a name, a kind (industry, civil-society, independent-observer) and valid dates"));
            return null;
        }

        return new Observer { Name = r.GetField("name")!, Kind = kind.Value, Since = since.Date, Until = string.IsNullOrWhiteSpace(until) ? null : untilDate.Date, Source = r.GetField("source") };
    }, errors);

    public sealed record ParticipantRow(string Code, string NameEn, string NameFr, ParticipantKind Kind, PartialDate Admitted, string? Source);

    public sealed record EventRow(int Line, string Code, PartialDate Date, ParticipantStatus? Status, bool? EmbargoStartFlag, string Note, string Source, string? Confidence)
    {
        public bool EmbargoStart => EmbargoStartFlag == true;
    }

    public sealed record ZoneRow(string ParticipantCode, string Name, ZoneKind Kind, DateOnly From, DateOnly? EndsOn, string? Source);

    public sealed record ParsedReferenceData(List<ParticipantRow> Participants, List<EuMembership> Eu, List<EventRow> Events, List<ZoneRow> Zones, List<Observer> Observers);
}
