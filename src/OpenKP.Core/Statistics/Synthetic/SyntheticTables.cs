using OpenKP.Certificates;
using OpenKP.Shipments;

namespace OpenKP.Statistics.Synthetic;

/// <summary>How a column's value is stored, so each bulk writer writes it as EF Core would.</summary>
internal enum ColumnKind
{
    Text,
    Int,
    Long,
    Bool,
    Date,
    Timestamp,
    Guid,
    /// <summary>A <c>List&lt;string&gt;</c>: JSON text on SQLite, <c>text[]</c> on PostgreSQL.</summary>
    TextList,
}

internal sealed record SyntheticColumn<T>(string Name, ColumnKind Kind, Func<T, object?> Value);

/// <summary>A table the generator fills, with the columns it writes (the others are left null or default).</summary>
internal sealed record SyntheticTable<T>(string Name, IReadOnlyList<SyntheticColumn<T>> Columns);

/// <summary>A certificate line with its certificate, position and id.</summary>
internal readonly record struct LineRow(SyntheticCertificate Certificate, int Position, long Id);

/// <summary>A production line with its return and id.</summary>
internal readonly record struct ProductionLineRow(SyntheticReturn Return, MiningType Type, long Carats, long Usd, long Id);

/// <summary>
/// The tables the synthetic data goes into — the very tables real certificates, confirmations and
/// returns live in, so statistics, reconciliation and anomaly detection read them alike. Column
/// names are EF Core's (the property names). What marks a row as synthetic: <see cref="KeyId"/>.
/// </summary>
internal static class SyntheticTables
{
    /// <summary>The key id of every synthetic certificate and confirmation: they are not signed (see docs/statistics.md).</summary>
    public const string KeyId = "synthetic";

    /// <summary>What stands where the signed QR text would be: fails verification as malformed, as it should.</summary>
    public const string UnsignedText = "SYNTHETIC:not-signed";

    /// <summary>The user recorded as issuing, confirming and submitting synthetic rows.</summary>
    public const string Actor = "synthetic";

    private static readonly string[] NoText = [];

    public static readonly SyntheticTable<SyntheticCertificate> Certificates = new("certificates",
    [
        new("Id", ColumnKind.Long, c => c.Id),
        new("Number", ColumnKind.Text, c => c.Number),
        new("IssuingParticipant", ColumnKind.Text, c => c.Exporter),
        new("IssuingAuthority", ColumnKind.Text, c => c.Authority),
        new("ImportingParticipant", ColumnKind.Text, c => c.Importer),
        new("ExporterName", ColumnKind.Text, c => c.ExporterCompany.Name),
        new("ExporterAddress", ColumnKind.Text, c => c.ExporterCompany.Address),
        new("ExporterLicence", ColumnKind.Text, c => c.ExporterCompany.Licence),
        new("ImporterName", ColumnKind.Text, c => c.ImporterCompany.Name),
        new("ImporterAddress", ColumnKind.Text, c => c.ImporterCompany.Address),
        new("ImporterLicence", ColumnKind.Text, c => c.ImporterCompany.Licence),
        new("Origin", ColumnKind.Text, c => c.Origin),
        new("Parcels", ColumnKind.Int, c => c.Parcels),
        new("IssuedOn", ColumnKind.Date, c => c.IssuedOn),
        new("ExpiresOn", ColumnKind.Date, c => c.ExpiresOn),
        new("SealNumbers", ColumnKind.TextList, c => new[] { "SYN-" + c.Number }),
        new("ContainerNumbers", ColumnKind.TextList, _ => NoText),
        new("TotalCaratsHundredths", ColumnKind.Long, c => c.TotalCaratsHundredths),
        new("TotalUsdCents", ColumnKind.Long, c => c.TotalUsdCents),
        new("KeyId", ColumnKind.Text, _ => KeyId),
        new("QrText", ColumnKind.Text, _ => UnsignedText),
        new("Status", ColumnKind.Text, _ => nameof(CertificateStatus.Issued)),
        new("IssuedBy", ColumnKind.Text, _ => Actor),
        new("CreatedAt", ColumnKind.Timestamp, c => c.CreatedAt),
        new("Version", ColumnKind.Guid, c => c.Version),
    ]);

    public static readonly SyntheticTable<LineRow> CertificateLines = new("certificate_lines",
    [
        new("Id", ColumnKind.Long, l => l.Id),
        new("CertificateId", ColumnKind.Long, l => l.Certificate.Id),
        new("Position", ColumnKind.Int, l => l.Position),
        new("HsCode", ColumnKind.Text, l => l.Certificate.Lines[l.Position - 1].HsCode),
        new("CaratsHundredths", ColumnKind.Long, l => l.Certificate.Lines[l.Position - 1].CaratsHundredths),
        new("UsdCents", ColumnKind.Long, l => l.Certificate.Lines[l.Position - 1].UsdCents),
    ]);

    public static readonly SyntheticTable<SyntheticCertificate> ImportConfirmations = new("import_confirmations",
    [
        new("Id", ColumnKind.Long, c => c.Arrival!.ConfirmationId),
        new("CertificateNumber", ColumnKind.Text, c => c.Number),
        new("ExportingParticipant", ColumnKind.Text, c => c.Exporter),
        new("ImportingParticipant", ColumnKind.Text, c => c.Importer),
        new("ConfirmingAuthority", ColumnKind.Text, c => c.ImporterAuthority),
        new("ExporterName", ColumnKind.Text, c => c.ExporterCompany.Name),
        new("ImporterName", ColumnKind.Text, c => c.ImporterCompany.Name),
        new("Parcels", ColumnKind.Int, c => c.Parcels),
        new("CaratsHundredths", ColumnKind.Long, c => c.Arrival!.CaratsConfirmed),
        new("ReceivedOn", ColumnKind.Date, c => c.Arrival!.ReceivedOn),
        new("ConfirmedBy", ColumnKind.Text, _ => Actor),
        new("ConfirmedAt", ColumnKind.Timestamp, c => c.Arrival!.ConfirmedAt),
        new("KeyId", ColumnKind.Text, _ => KeyId),
        new("SignedText", ColumnKind.Text, _ => UnsignedText),
    ]);

    public static readonly SyntheticTable<SyntheticCertificate> ArrivalChecks = new("arrival_checks",
    [
        new("Id", ColumnKind.Long, c => c.Arrival!.ArrivalCheckId),
        new("CertificateNumber", ColumnKind.Text, c => c.Number),
        new("ImportingParticipant", ColumnKind.Text, c => c.Importer),
        new("ExportingParticipant", ColumnKind.Text, c => c.Exporter),
        new("CheckedBy", ColumnKind.Text, _ => Actor),
        new("CheckedAt", ColumnKind.Timestamp, c => c.Arrival!.ConfirmedAt),
        new("ReceivedOn", ColumnKind.Date, c => c.Arrival!.ReceivedOn),
        new("CertificateValid", ColumnKind.Bool, _ => true),
        new("VerificationReasons", ColumnKind.TextList, _ => NoText),
        new("SealIntact", ColumnKind.Bool, _ => true),
        new("Parcels", ColumnKind.Int, c => c.Parcels),
        new("CaratsHundredths", ColumnKind.Long, c => c.Arrival!.CaratsFound),
        new("UsdCents", ColumnKind.Long, c => c.Arrival!.UsdFound),
        new("Outcome", ColumnKind.Text, _ => nameof(ArrivalOutcome.Accepted)),
        new("Discrepancies", ColumnKind.TextList, _ => NoText),
    ]);

    public static readonly SyntheticTable<SyntheticReturn> ProductionReturns = new("production_returns",
    [
        new("Id", ColumnKind.Long, r => r.Id),
        new("ParticipantCode", ColumnKind.Text, r => r.Participant),
        new("Year", ColumnKind.Int, r => r.Year),
        new("Half", ColumnKind.Int, r => r.Half),
        new("Revision", ColumnKind.Int, _ => 1),
        new("Source", ColumnKind.Text, _ => nameof(SubmissionSource.Entered)),
        new("Note", ColumnKind.Text, r => r.Lines.Count == 0 ? "Nil return (synthetic)" : "Synthetic"),
        new("SubmittedBy", ColumnKind.Text, _ => Actor),
        new("SubmittedAt", ColumnKind.Timestamp, r => r.SubmittedAt),
    ]);

    public static readonly SyntheticTable<ProductionLineRow> ProductionLines = new("production_lines",
    [
        new("Id", ColumnKind.Long, l => l.Id),
        new("ProductionReturnId", ColumnKind.Long, l => l.Return.Id),
        new("MiningType", ColumnKind.Text, l => l.Type.ToString()),
        new("CaratsHundredths", ColumnKind.Long, l => l.Carats),
        new("UsdCents", ColumnKind.Long, l => l.Usd),
    ]);

    /// <summary>Every table with a generated id, for moving PostgreSQL's identity sequences past the ids written.</summary>
    public static readonly string[] WithIds = ["certificates", "certificate_lines", "import_confirmations", "arrival_checks", "production_returns", "production_lines"];

    public static IEnumerable<LineRow> LinesOf(SyntheticYear year)
    {
        var id = year.FirstLineId;
        foreach (var c in year.Certificates)
        {
            for (var i = 1; i <= c.Lines.Length; i++)
            {
                yield return new LineRow(c, i, id++);
            }
        }
    }

    public static IEnumerable<ProductionLineRow> LinesOf(IReadOnlyList<SyntheticReturn> returns, long firstId)
    {
        var id = firstId;
        foreach (var r in returns)
        {
            foreach (var (type, carats, usd) in r.Lines)
            {
                yield return new ProductionLineRow(r, type, carats, usd, id++);
            }
        }
    }
}

/// <summary>Writes rows in bulk inside the generation's one transaction.</summary>
internal interface ISyntheticWriter : IAsyncDisposable
{
    Task WriteAsync<T>(SyntheticTable<T> table, IEnumerable<T> rows, CancellationToken ct);
}
