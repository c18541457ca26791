using OpenKP.Certificates;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Certificates;

namespace OpenKP.Web.Shipments;

/// <summary>
/// An export application: the certificate's fields (as for issuing one; the exporter is your company,
/// or <c>exporterLicence</c> when an officer prepares it), plus <c>invoiceReference</c> and the planned
/// <c>plannedDeparture</c> and <c>expectedArrival</c> dates (yyyy-MM-dd, optional).
/// </summary>
public sealed record ApplicationRequest(
    string? ExporterLicence,
    string? ImportingParticipant,
    ImporterRequest? Importer,
    string? Origin,
    string? Provenance,
    string? OriginZone,
    IReadOnlyList<CertificateLineRequest>? Lines,
    int? Parcels,
    string? InvoiceReference,
    IReadOnlyList<string?>? SealNumbers,
    IReadOnlyList<string?>? ContainerNumbers,
    string? QualityNotes,
    string? PlannedDeparture,
    string? ExpectedArrival,
    Guid? Version)
{
    /// <summary>The application's draft, every malformed field added to <paramref name="input"/>; the API and the form parse alike.</summary>
    public ApplicationDraft Parse(Input input)
    {
        // The certificate's fields parse as the issue form's do; the exporter is checked by the desk, not here.
        var certificate = new IssueCertificateRequest(null, ImportingParticipant, ExporterLicence ?? "own", Importer, Origin, Provenance, OriginZone,
            Lines, Parcels, null, SealNumbers, ContainerNumbers, QualityNotes).Parse(input);
        var licence = input.Text(ExporterLicence, "exporterLicence", 64, required: false);
        var invoice = input.Text(InvoiceReference, "invoiceReference", 100);
        var departure = input.OptionalDate(PlannedDeparture, "plannedDeparture");
        var arrival = input.OptionalDate(ExpectedArrival, "expectedArrival");
        if (departure is { } d && arrival is { } a && a < d)
        {
            input.Add(InputCodes.InvalidValue, "'expectedArrival' cannot be before 'plannedDeparture'.", "expectedArrival");
        }

        if (certificate.Lines.Count == 0 && Lines is not null)
        {
            input.Add(InputCodes.Required, "An application has at least one line.", "lines");
        }

        for (var i = 0; i < certificate.Lines.Count; i++)
        {
            var line = certificate.Lines[i];
            if (line.HsCode.Length > 0 && !CertificateContent.HsCodes.Contains(line.HsCode))
            {
                input.Add(InputCodes.InvalidValue, $"'lines[{i}].hsCode' is one of {string.Join(", ", CertificateContent.HsCodes)}.", $"lines[{i}].hsCode");
            }

            if (line.Carats <= 0 || decimal.Round(line.Carats, 2) != line.Carats || line.Carats > 100_000_000m)
            {
                input.Add(InputCodes.InvalidValue, $"'lines[{i}].carats' is above 0, with at most two decimals.", $"lines[{i}].carats");
            }

            if (line.Usd <= 0 || decimal.Round(line.Usd, 2) != line.Usd || line.Usd > 100_000_000_000m)
            {
                input.Add(InputCodes.InvalidValue, $"'lines[{i}].usd' is above 0, in dollars and cents.", $"lines[{i}].usd");
            }
        }

        if (Parcels is < 1 or > 10_000)
        {
            input.Add(InputCodes.InvalidValue, "'parcels' is between 1 and 10000.", "parcels");
        }

        return new ApplicationDraft(
            licence.Length == 0 ? null : licence, certificate.ImportingParticipant, certificate.ImporterName, certificate.ImporterAddress, certificate.ImporterLicence,
            certificate.Origin, certificate.Provenance, certificate.OriginZone, certificate.Lines, certificate.Parcels, invoice,
            certificate.SealNumbers, certificate.ContainerNumbers, certificate.QualityNotes, departure, arrival);
    }
}

/// <summary>The version of the application (or shipment, or case) you read, so a decision never lands on a changed one.</summary>
public sealed record VersionRequest(Guid? Version);

/// <summary>Reject or send back: the reason the operator reads.</summary>
public sealed record DecisionRequest(string? Reason, Guid? Version);

/// <summary>A departure: the seal numbers found on the container (all the certificate lists, no others).</summary>
public sealed record DepartureRequest(IReadOnlyList<string?>? SealNumbers, string? Note, Guid? Version);

/// <summary>
/// An arrival check: <c>qr</c> (the certificate's QR text as scanned or pasted) or <c>certificateNumber</c>;
/// <c>sealIntact</c>; <c>parcels</c> counted; <c>carats</c> weighed; <c>usd</c> value found; <c>receivedOn</c> (default today).
/// </summary>
public sealed record ArrivalRequest(string? Qr, string? CertificateNumber, bool? SealIntact, int? Parcels, decimal? Carats, decimal? Usd, string? ReceivedOn, string? Notes)
{
    public ArrivalReport Parse(Input input)
    {
        var qr = input.Text(Qr, "qr", 4000, required: false);
        var number = input.Text(CertificateNumber, "certificateNumber", 64, required: false);
        if (qr.Length == 0 && number.Length == 0)
        {
            input.Add(InputCodes.Required, "Give the certificate's 'qr' text (scanned or pasted) or its 'certificateNumber'.", "qr");
        }

        if (SealIntact is null)
        {
            input.Add(InputCodes.Required, "'sealIntact' is required: was the seal intact on arrival?", "sealIntact");
        }

        if (Parcels is null or < 0 or > 10_000)
        {
            input.Add(InputCodes.InvalidValue, "'parcels' is required: the parcels counted (0 to 10000).", "parcels");
        }

        var carats = Hundredths(Carats, "carats", input);
        var usd = Hundredths(Usd, "usd", input);
        var received = input.OptionalDate(ReceivedOn, "receivedOn");
        var notes = input.Text(Notes, "notes", 2000, required: false);
        return new ArrivalReport(qr.Length == 0 ? null : qr, number.Length == 0 ? null : number,
            new ArrivalFindings(SealIntact ?? false, Parcels ?? 0, carats, usd), received, notes.Length == 0 ? null : notes);
    }

    private static long Hundredths(decimal? value, string field, Input input)
    {
        if (value is not { } v || v < 0 || decimal.Round(v, 2) != v || v > 100_000_000_000m)
        {
            input.Add(InputCodes.InvalidValue, $"'{field}' is required: 0 or more, with at most two decimals.", field);
            return 0;
        }

        return (long)(v * 100m);
    }
}

/// <summary>A transit: the certificate's <c>qr</c> text and whether the seal was intact.</summary>
public sealed record TransitRequest(string? Qr, bool? SealIntact, string? Notes);

/// <summary>A note on a detention case (JSON; to attach evidence, post multipart form data with <c>text</c> and <c>file</c>).</summary>
public sealed record CaseNoteRequest(string? Text);

/// <summary>Resolve a case: <c>resolution</c> released, seized or returned, with a note.</summary>
public sealed record ResolveCaseRequest(string? Resolution, string? Note, Guid? Version);

/// <summary>An import confirmation's signed text to verify, <c>KPC1:…</c>.</summary>
public sealed record VerifyConfirmationRequest(string? Text);

/// <summary>
/// Shipment settings: <c>fourEyesThresholdUsd</c> (null: one officer approves any application),
/// <c>overdueAfterDays</c> (1–365), <c>weightTolerancePercent</c> and <c>valueTolerancePercent</c> (0–50, two decimals).
/// </summary>
public sealed record ShipmentSettingsRequest(decimal? FourEyesThresholdUsd, int? OverdueAfterDays, decimal? WeightTolerancePercent, decimal? ValueTolerancePercent, Guid? Version)
{
    public ShipmentSettingsChange Parse(Input input)
    {
        var threshold = FourEyesThresholdUsd;
        if (threshold is { } t && (t <= 0 || decimal.Round(t, 2) != t || t > 100_000_000_000m))
        {
            input.Add(InputCodes.InvalidValue, "'fourEyesThresholdUsd' is above 0 and at most 100,000,000,000 in dollars and cents, or null for none.", "fourEyesThresholdUsd");
            threshold = null;
        }

        if (OverdueAfterDays is not (>= 1 and <= 365))
        {
            input.Add(InputCodes.InvalidValue, "'overdueAfterDays' is required, 1 to 365.", "overdueAfterDays");
        }

        var weight = Percent(WeightTolerancePercent, "weightTolerancePercent", input);
        var value = Percent(ValueTolerancePercent, "valueTolerancePercent", input);
        return new ShipmentSettingsChange(threshold is { } usd ? (long)(usd * 100m) : null, OverdueAfterDays ?? 0, weight, value);
    }

    private static int Percent(decimal? value, string field, Input input)
    {
        if (value is not { } v || v < 0 || v > 50 || decimal.Round(v, 2) != v)
        {
            input.Add(InputCodes.InvalidValue, $"'{field}' is required: 0 to 50, with at most two decimals.", field);
            return 0;
        }

        return (int)(v * 100m);
    }
}
