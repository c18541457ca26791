using System.Globalization;
using System.Text.RegularExpressions;
using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Web.Certificates;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>One line row of the issue form, as typed: the HS code chosen, carats and US$ as text.</summary>
public sealed record LineForm(string? HsCode, string? Carats, string? Usd)
{
    public static readonly LineForm Blank = new(null, null, null);

    public bool IsBlank => string.IsNullOrWhiteSpace(HsCode) && string.IsNullOrWhiteSpace(Carats) && string.IsNullOrWhiteSpace(Usd);
}

/// <summary>
/// The issue (and replace) form as typed. Its fields carry the API's field names (<c>importingParticipant</c>,
/// <c>importer.licence</c>, <c>lines[0].hsCode</c> …), so the violations of <see cref="IssueCertificateRequest.Parse"/>
/// and <see cref="CertificateIssuer"/> land beside the fields they name.
/// </summary>
public sealed partial class CertificateForm
{
    /// <summary>Line rows the form offers without script; blank rows are ignored when it is posted.</summary>
    public const int LineRows = 5;

    public string? ImportingParticipant { get; init; }
    public string? ExporterLicence { get; init; }
    public string? ImporterName { get; init; }
    public string? ImporterAddress { get; init; }
    public string? ImporterLicence { get; init; }
    public string? Origin { get; init; }
    public string? Provenance { get; init; }
    public string? OriginZone { get; init; }

    /// <summary>The lines that are not blank, in the order of the form; violations index into this list.</summary>
    public IReadOnlyList<LineForm> Lines { get; init; } = [];
    public string? Parcels { get; init; }
    public string? ExpiresOn { get; init; }

    /// <summary>Seal numbers, comma or newline separated.</summary>
    public string? SealNumbers { get; init; }

    /// <summary>Container numbers, comma or newline separated.</summary>
    public string? ContainerNumbers { get; init; }
    public string? QualityNotes { get; init; }

    /// <summary>The rows to show: the lines, then blank rows up to <see cref="LineRows"/> (at least one blank row).</summary>
    public IReadOnlyList<LineForm> Rows => [.. Lines, .. Enumerable.Repeat(LineForm.Blank, Math.Max(1, LineRows - Lines.Count))];

    /// <summary>Reads the posted form; line rows left blank are dropped, the rest keep their order.</summary>
    public static CertificateForm Read(IFormCollection form)
    {
        var rows = new SortedDictionary<int, LineForm>();
        foreach (var key in form.Keys)
        {
            var match = LineField().Match(key);
            if (match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && !rows.ContainsKey(i))
            {
                rows[i] = new LineForm(form[$"lines[{i}].hsCode"], form[$"lines[{i}].carats"], form[$"lines[{i}].usd"]);
            }
        }

        return new CertificateForm
        {
            ImportingParticipant = form["importingParticipant"],
            ExporterLicence = form["exporterLicence"],
            ImporterName = form["importer.name"],
            ImporterAddress = form["importer.address"],
            ImporterLicence = form["importer.licence"],
            Origin = form["origin"],
            Provenance = form["provenance"],
            OriginZone = form["originZone"],
            Lines = [.. rows.Values.Where(l => !l.IsBlank)],
            Parcels = form["parcels"],
            ExpiresOn = form["expiresOn"],
            SealNumbers = form["sealNumbers"],
            ContainerNumbers = form["containerNumbers"],
            QualityNotes = form["qualityNotes"],
        };
    }

    /// <summary>The form prefilled from a certificate, for its replacement (the expiry left to the default).</summary>
    public static CertificateForm From(Certificate c) => new()
    {
        ImportingParticipant = c.ImportingParticipant,
        ExporterLicence = c.ExporterLicence,
        ImporterName = c.ImporterName,
        ImporterAddress = c.ImporterAddress,
        ImporterLicence = c.ImporterLicence,
        Origin = c.Origin,
        Provenance = c.Provenance,
        OriginZone = c.OriginZone,
        Lines = [.. c.Lines.OrderBy(l => l.Position).Select(l => new LineForm(l.HsCode, Invariant(l.CaratsHundredths / 100m), Invariant(l.UsdCents / 100m)))],
        Parcels = c.Parcels.ToString(CultureInfo.InvariantCulture),
        SealNumbers = string.Join(", ", c.SealNumbers),
        ContainerNumbers = string.Join(", ", c.ContainerNumbers),
        QualityNotes = c.QualityNotes,
    };

    /// <summary>
    /// The API's request for this form: amounts typed as text go through <see cref="Input.Amount"/> (a bad one is
    /// <c>invalid-number</c> on its field), the parcels likewise. The caller parses it with
    /// <see cref="IssueCertificateRequest.Parse"/>, exactly as <c>POST /api/certificates</c> does.
    /// </summary>
    public IssueCertificateRequest ToRequest(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lines = Lines.Select((l, i) => new CertificateLineRequest(
            l.HsCode?.Trim(), Amount(input, l.Carats, $"lines[{i}].carats"), Amount(input, l.Usd, $"lines[{i}].usd"))).ToList();
        int? parcels = null;
        if (!string.IsNullOrWhiteSpace(Parcels))
        {
            if (int.TryParse(Parcels.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                parcels = n;
            }
            else
            {
                input.Add(InputCodes.InvalidNumber, $"'{Parcels}' is not a whole number of parcels.", "parcels");
                parcels = 0; // reported once, as invalid-number, not again as required
            }
        }

        return new IssueCertificateRequest(
            IssuingParticipant: null,
            ImportingParticipant: ImportingParticipant,
            ExporterLicence: ExporterLicence,
            Importer: new ImporterRequest(ImporterName, ImporterAddress, ImporterLicence),
            Origin: Origin,
            Provenance: Provenance,
            OriginZone: OriginZone,
            Lines: lines,
            Parcels: parcels,
            ExpiresOn: ExpiresOn,
            SealNumbers: Split(SealNumbers),
            ContainerNumbers: Split(ContainerNumbers),
            QualityNotes: QualityNotes);
    }

    /// <summary>
    /// The form field a violation belongs beside. The registry's trade rules name the parties and the zone
    /// (<c>importer</c>, <c>zone</c>): they go to the importing participant and the origin zone; the exporting
    /// side (<c>exporter-suspended</c> …) and anything the form has no field for go to the top of the form.
    /// </summary>
    public static string FieldFor(string? field) => field switch
    {
        null or "" => string.Empty,
        "importer" => "importingParticipant",
        "zone" => "originZone",
        _ when field.StartsWith("sealNumbers", StringComparison.Ordinal) => "sealNumbers",
        _ when field.StartsWith("containerNumbers", StringComparison.Ordinal) => "containerNumbers",
        _ when Fields.Contains(field) || LineField().IsMatch(field) => field,
        _ => string.Empty,
    };

    /// <summary>Violations moved beside their fields and sorted in the order of the form, top first.</summary>
    public static IReadOnlyList<Violation> Arrange(IEnumerable<Violation> violations)
        => [.. violations.Select(v => v with { Field = FieldFor(v.Field) }).OrderBy(v => Position(v.Field!))];

    private static readonly string[] Fields =
    [
        "reason", "importingParticipant", "exporterLicence", "importer.name", "importer.address", "importer.licence",
        "origin", "provenance", "originZone", "lines", "parcels", "expiresOn", "sealNumbers", "containerNumbers", "qualityNotes",
    ];

    private static int Position(string field)
    {
        if (field.Length == 0)
        {
            return -1;
        }

        var line = LineField().Match(field);
        if (line.Success)
        {
            var row = int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
            var part = line.Groups[2].Value switch { "hsCode" => 0, "carats" => 1, _ => 2 };
            return (Array.IndexOf(Fields, "lines") * 1000) + 1 + (row * 3) + part;
        }

        return Array.IndexOf(Fields, field) * 1000;
    }

    private static decimal? Amount(Input input, string? text, string field)
        => string.IsNullOrWhiteSpace(text)
            ? null // IssueCertificateRequest.Parse reports it as required
            : input.Amount(text, field, required: false) ?? 0m; // reported once, as invalid-number

    private static List<string?> Split(string? text)
        => [.. (text ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^lines\[(\d{1,3})\]\.(hsCode|carats|usd)$")]
    private static partial Regex LineField();
}
