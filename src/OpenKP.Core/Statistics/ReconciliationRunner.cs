using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Shipments;

namespace OpenKP.Statistics;

/// <summary>
/// Which pairs a reconciliation covers: <see cref="Exporter"/> and/or <see cref="Importer"/> fixed (a
/// directed pair when both are), and/or only pairs <see cref="Involving"/> one participant (an authority's
/// own pairs, in both directions), optionally only those between it and <see cref="Partner"/> (both
/// directions; ignored without <see cref="Involving"/>). All null: every pair.
/// </summary>
public sealed record ReconciliationScope(string? Exporter = null, string? Importer = null, string? Involving = null, string? Partner = null)
{
    public static ReconciliationScope All { get; } = new();

    public bool Covers(string exporter, string importer)
        => (Exporter is null || Exporter == exporter) && (Importer is null || Importer == importer)
            && (Involving is null || Involving == exporter || Involving == importer)
            && (Involving is null || Partner is null || (exporter == Involving ? importer : exporter) == Partner);
}

/// <summary>
/// Reconciles A's exports to B against B's imports from A, certificate by certificate, for one period and
/// every pair in a scope. Loads the period's rows with a handful of set-based, untracked projections (no
/// query per certificate), then classifies in memory with <see cref="ReconciliationRules.Classify"/>:
/// <list type="number">
/// <item>certificates issued in the period (not voided), with their shipment's status;</item>
/// <item>import confirmations received in the period, with the certified value and the arrival check's;</item>
/// <item>confirmations, received in any other period, of the certificates of (1);</item>
/// <item>certificates, issued in any other period, of the confirmations of (2);</item>
/// <item>the latest certificate-record uploads of the year before, the year and the year after, which replace
/// the derived records of the participant and quarter they cover (a certificate is valid a year at most, so
/// its counterpart is never further away); and, when there are uploads, the certificates and confirmations
/// of their certificate numbers;</item>
/// <item>the importers' tolerances and the exporters' longest certificate validity (small tables).</item>
/// </list>
/// </summary>
public sealed class ReconciliationRunner(OpenKpDb db)
{
    /// <summary>Certificate numbers per <c>IN (…)</c> lookup of uploaded records' counterparts.</summary>
    private const int LookupChunk = 500;

    public async Task<Reconciliation> RunAsync(ReconciliationPeriod period, ReconciliationScope scope, DateOnly today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var (from, to) = (period.From, period.To);

        var issued = Scoped(db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Issued && c.IssuedOn >= from && c.IssuedOn <= to), scope);
        var received = Scoped(db.ImportConfirmations.AsNoTracking().Where(i => i.ReceivedOn >= from && i.ReceivedOn <= to), scope);

        var exports = await ExportRows(issued).ToListAsync(ct);
        var imports = await ImportRows(received).ToListAsync(ct);
        imports.AddRange(await ImportRows(db.ImportConfirmations.AsNoTracking()
            .Where(i => (i.ReceivedOn < from || i.ReceivedOn > to) && issued.Select(c => c.Number).Contains(i.CertificateNumber))).ToListAsync(ct));
        exports.AddRange(await ExportRows(db.Certificates.AsNoTracking()
            .Where(c => c.Status == CertificateStatus.Issued && (c.IssuedOn < from || c.IssuedOn > to) && received.Select(i => i.CertificateNumber).Contains(c.Number))).ToListAsync(ct));

        var uploads = await UploadedRecordsAsync(period.Year, ct);
        var covered = uploads.Select(u => (u.Participant, u.Year, u.QuarterNumber)).ToHashSet();
        var validity = await db.Participants.AsNoTracking().Select(p => new { p.Code, p.MaxCertificateValidityDays }).ToDictionaryAsync(p => p.Code, p => p.MaxCertificateValidityDays, StringComparer.Ordinal, ct);
        var uploadedExports = uploads.Where(u => u.Flow == TradeFlow.Export && scope.Covers(u.Participant, u.Partner))
            .GroupBy(u => (u.Participant, u.Partner, u.CertificateNumber))
            .Select(g => new ExportRecord(g.Key.CertificateNumber, g.Key.Participant, g.Key.Partner, g.Min(u => u.Date),
                g.Min(u => u.Date).AddDays(validity.GetValueOrDefault(g.Key.Participant, 60)), g.Sum(u => u.CaratsHundredths), g.Sum(u => u.UsdCents), null, true))
            .ToList();
        var uploadedImports = uploads.Where(u => u.Flow == TradeFlow.Import && scope.Covers(u.Partner, u.Participant))
            .GroupBy(u => (u.Participant, u.Partner, u.CertificateNumber))
            .Select(g => new ImportRecord(g.Key.CertificateNumber, g.Key.Partner, g.Key.Participant, g.Min(u => u.Date), g.Sum(u => u.CaratsHundredths), g.Sum(u => u.UsdCents), true))
            .ToList();

        if (uploadedExports.Count + uploadedImports.Count > 0)
        {
            // Uploaded records in the period whose counterpart is an OpenKP record outside it.
            var numbers = uploadedExports.Where(e => period.Contains(e.IssuedOn)).Select(e => e.CertificateNumber)
                .Concat(uploadedImports.Where(i => period.Contains(i.ReceivedOn)).Select(i => i.CertificateNumber))
                .Distinct(StringComparer.Ordinal).ToList();
            foreach (var chunk in numbers.Chunk(LookupChunk))
            {
                exports.AddRange(await ExportRows(Scoped(db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Issued && chunk.Contains(c.Number)), scope)).ToListAsync(ct));
                imports.AddRange(await ImportRows(Scoped(db.ImportConfirmations.AsNoTracking().Where(i => chunk.Contains(i.CertificateNumber)), scope)).ToListAsync(ct));
            }
        }

        bool Covered(string participant, DateOnly day) => covered.Contains((participant, day.Year, Quarter.Of(day).Number));

        // Uploaded records first: where a record of the same certificate is also derived, the upload is the participant's word.
        var exportByKey = new Dictionary<(string, string, string), ExportRecord>();
        foreach (var e in uploadedExports.Concat(exports.Where(e => !Covered(e.Exporter, e.IssuedOn))))
        {
            exportByKey.TryAdd((e.Exporter, e.Importer, e.CertificateNumber), e);
        }

        var importByKey = new Dictionary<(string, string, string), ImportRecord>();
        foreach (var i in uploadedImports.Concat(imports.Where(i => !Covered(i.Importer, i.ReceivedOn))))
        {
            importByKey.TryAdd((i.Exporter, i.Importer, i.CertificateNumber), i);
        }

        var tolerances = await db.ShipmentSettings.AsNoTracking()
            .Select(s => new { s.ParticipantCode, s.WeightToleranceBasisPoints, s.ValueToleranceBasisPoints })
            .ToDictionaryAsync(s => s.ParticipantCode, s => new ReconciliationTolerance(s.WeightToleranceBasisPoints, s.ValueToleranceBasisPoints), StringComparer.Ordinal, ct);
        ReconciliationTolerance ToleranceOf(string importer) => tolerances.GetValueOrDefault(importer, ReconciliationTolerance.Default);

        var certificates = new List<ReconciledCertificate>();
        foreach (var key in exportByKey.Keys.Union(importByKey.Keys))
        {
            var export = exportByKey.GetValueOrDefault(key);
            var import = importByKey.GetValueOrDefault(key);
            var exportIn = export is not null && period.Contains(export.IssuedOn);
            var importIn = import is not null && period.Contains(import.ReceivedOn);
            if (!exportIn && !importIn)
            {
                continue;
            }

            var (exporter, importer, number) = key;
            var category = ReconciliationRules.Classify(export, import, period, today, ToleranceOf(importer));
            certificates.Add(new ReconciledCertificate(number, exporter, importer, category, export, import, exportIn, importIn));
        }

        certificates.Sort(static (x, y) =>
        {
            var byExporter = string.CompareOrdinal(x.Exporter, y.Exporter);
            var byImporter = byExporter != 0 ? byExporter : string.CompareOrdinal(x.Importer, y.Importer);
            return byImporter != 0 ? byImporter : string.CompareOrdinal(x.CertificateNumber, y.CertificateNumber);
        });

        var pairs = certificates.GroupBy(c => (c.Exporter, c.Importer))
            .Select(g => PairReconciliation.Of(g.Key.Exporter, g.Key.Importer, ToleranceOf(g.Key.Importer), g))
            .OrderByDescending(p => Math.Abs(p.UsdDifference)).ThenByDescending(p => Math.Abs(p.CaratsDifference))
            .ThenBy(p => p.Exporter, StringComparer.Ordinal).ThenBy(p => p.Importer, StringComparer.Ordinal)
            .ToList();

        // A pair asked for by name is answered even when it traded nothing in the period.
        if (pairs.Count == 0 && scope is { Exporter: { } a, Importer: { } b })
        {
            pairs.Add(PairReconciliation.Of(a, b, ToleranceOf(b), []));
        }

        return new Reconciliation(period, today, pairs, certificates);
    }

    private static IQueryable<Certificate> Scoped(IQueryable<Certificate> certificates, ReconciliationScope scope)
    {
        if (scope.Exporter is { } e)
        {
            certificates = certificates.Where(c => c.IssuingParticipant == e);
        }

        if (scope.Importer is { } i)
        {
            certificates = certificates.Where(c => c.ImportingParticipant == i);
        }

        return scope switch
        {
            { Involving: { } p, Partner: { } q } => certificates.Where(c => (c.IssuingParticipant == p && c.ImportingParticipant == q) || (c.IssuingParticipant == q && c.ImportingParticipant == p)),
            { Involving: { } p } => certificates.Where(c => c.IssuingParticipant == p || c.ImportingParticipant == p),
            _ => certificates,
        };
    }

    private static IQueryable<ImportConfirmation> Scoped(IQueryable<ImportConfirmation> confirmations, ReconciliationScope scope)
    {
        if (scope.Exporter is { } e)
        {
            confirmations = confirmations.Where(c => c.ExportingParticipant == e);
        }

        if (scope.Importer is { } i)
        {
            confirmations = confirmations.Where(c => c.ImportingParticipant == i);
        }

        return scope switch
        {
            { Involving: { } p, Partner: { } q } => confirmations.Where(c => (c.ExportingParticipant == p && c.ImportingParticipant == q) || (c.ExportingParticipant == q && c.ImportingParticipant == p)),
            { Involving: { } p } => confirmations.Where(c => c.ExportingParticipant == p || c.ImportingParticipant == p),
            _ => confirmations,
        };
    }

    /// <summary>Certificates as export records, with their shipment's status (left join: older certificates may have none).</summary>
    private IQueryable<ExportRecord> ExportRows(IQueryable<Certificate> certificates)
        => from c in certificates
           join s in db.Shipments.AsNoTracking() on c.Number equals s.CertificateNumber into shipments
           from s in shipments.DefaultIfEmpty()
           select new ExportRecord(c.Number, c.IssuingParticipant, c.ImportingParticipant, c.IssuedOn, c.ExpiresOn, c.TotalCaratsHundredths, c.TotalUsdCents, s == null ? (ShipmentStatus?)null : s.Status, false);

    /// <summary>
    /// Confirmations as import records: carats as confirmed; US$ as found at the certificate's arrival check
    /// — the check the confirmation came from (accepted, or detained and then released: OpenKP allows one
    /// check per certificate) — else as certified. Left joins: a confirmation made without an arrival check
    /// has no check.
    /// </summary>
    private IQueryable<ImportRecord> ImportRows(IQueryable<ImportConfirmation> confirmations)
        => from i in confirmations
           join c in db.Certificates.AsNoTracking() on i.CertificateNumber equals c.Number into certificates
           from c in certificates.DefaultIfEmpty()
           join a in db.ArrivalChecks.AsNoTracking() on i.CertificateNumber equals a.CertificateNumber into checks
           from a in checks.DefaultIfEmpty()
           select new ImportRecord(i.CertificateNumber, i.ExportingParticipant, i.ImportingParticipant, i.ReceivedOn, i.CaratsHundredths,
               a != null ? a.UsdCents : c != null ? c.TotalUsdCents : 0, false);

    private sealed record UploadedRow(string Participant, int Year, int QuarterNumber, TradeFlow Flow, string CertificateNumber, string Partner, DateOnly Date, long CaratsHundredths, long UsdCents);

    /// <summary>The records of the latest revision of every certificate-record upload of the year and its neighbours.</summary>
    private async Task<List<UploadedRow>> UploadedRecordsAsync(int year, CancellationToken ct)
    {
        var latest = db.TradeSubmissions.AsNoTracking()
            .Where(s => s.Year >= year - 1 && s.Year <= year + 1)
            .Where(s => s.Revision == db.TradeSubmissions.Where(o => o.ParticipantCode == s.ParticipantCode && o.Year == s.Year && o.QuarterNumber == s.QuarterNumber).Max(o => o.Revision))
            .Where(s => s.Kind == SubmissionKind.CertificateRecords);
        return await (
            from s in latest
            join r in db.SubmittedRecords.AsNoTracking() on s.Id equals r.TradeSubmissionId
            select new UploadedRow(s.ParticipantCode, s.Year, s.QuarterNumber, r.Flow, r.CertificateNumber, r.Partner, r.Date, r.CaratsHundredths, r.UsdCents)).ToListAsync(ct);
    }
}
