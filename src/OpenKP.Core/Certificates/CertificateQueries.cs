using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;

namespace OpenKP.Certificates;

/// <summary>Which certificates a list shows: of one participant (issued, incoming or both) or, for the secretariat, all.</summary>
public sealed record CertificateListQuery(
    string? Participant,
    string Direction = CertificateListQuery.Both,
    string? Text = null,
    CertificateStatus? Status = null,
    DateOnly? From = null,
    DateOnly? To = null,
    int Page = 1,
    int PageSize = 50)
{
    public const string Issued = "issued";
    public const string Incoming = "incoming";
    public const string Both = "all";
    public static readonly IReadOnlyList<string> Directions = [Issued, Incoming, Both];
}

/// <summary>The read side of certificates, for the API, the pages and the CLI.</summary>
public sealed class CertificateQueries(OpenKpDb db, ParticipantDirectory registry, SigningKeyRing keys)
{
    public async Task<Certificate?> FindAsync(string number, CancellationToken ct)
        => await db.Certificates.AsNoTracking().Include(c => c.Lines).SingleOrDefaultAsync(c => c.Number == number, ct);

    public async Task<Paged<CertificateSummary>> ListAsync(CertificateListQuery q, CancellationToken ct)
    {
        var query = db.Certificates.AsNoTracking();
        if (q.Participant is { } p)
        {
            query = q.Direction switch
            {
                CertificateListQuery.Issued => query.Where(c => c.IssuingParticipant == p),
                CertificateListQuery.Incoming => query.Where(c => c.ImportingParticipant == p),
                _ => query.Where(c => c.IssuingParticipant == p || c.ImportingParticipant == p),
            };
        }

        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(); culture is the database's
            query = query.Where(c => c.Number.ToUpper().Contains(text) || c.ImporterName.ToUpper().Contains(text) || c.ExporterName.ToUpper().Contains(text));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (q.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        if (q.From is { } from)
        {
            query = query.Where(c => c.IssuedOn >= from);
        }

        if (q.To is { } to)
        {
            query = query.Where(c => c.IssuedOn <= to);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.IssuedOn).ThenByDescending(c => c.Id)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .Select(c => new CertificateSummary(c.Number, c.Status == CertificateStatus.Voided ? "voided" : "issued", c.IssuingParticipant, c.ImportingParticipant,
                c.ExporterName, c.ImporterName, c.Origin, c.TotalCaratsHundredths / 100m, c.TotalUsdCents / 100m, c.IssuedOn, c.ExpiresOn, c.ReplacedBy))
            .ToListAsync(ct);
        return new Paged<CertificateSummary>(items, q.Page, q.PageSize, total);
    }

    /// <summary>The numbers a participant reported lost or stolen, the latest first.</summary>
    public async Task<IReadOnlyList<ReportedNumberView>> ReportedNumbersAsync(string participant, CancellationToken ct)
    {
        var rows = await db.ReportedNumbers.AsNoTracking().Where(r => r.ParticipantCode == participant)
            .OrderByDescending(r => r.ReportedOn).ThenBy(r => r.Number).ToListAsync(ct);
        return [.. rows.Select(ReportedNumberView.Of)];
    }

    /// <summary>Hashes of voided certificates and of numbers reported lost or stolen: what the revocation list carries.</summary>
    public async Task<IReadOnlyList<(string Number, string Kind, DateOnly Since)>> RevokedAsync(CancellationToken ct)
    {
        var voided = await db.Certificates.AsNoTracking().Where(c => c.Status == CertificateStatus.Voided)
            .Select(c => new { c.Number, c.VoidedAt }).ToListAsync(ct);
        var reported = await db.ReportedNumbers.AsNoTracking().Select(r => new { r.Number, r.Kind, r.ReportedOn }).ToListAsync(ct);
        return
        [
            .. voided.Select(v => (v.Number, "void", DateOnly.FromDateTime(v.VoidedAt ?? DateTime.UnixEpoch))),
            .. reported.Select(r => (r.Number, Input.Kebab(r.Kind), r.ReportedOn)),
        ];
    }

    /// <summary>The online verdict on a QR text at <paramref name="now"/>: the one verifier on <see cref="TrustAnchorsAsync"/>.</summary>
    public async Task<Verification> VerifyAsync(string? qr, DateTimeOffset now, CancellationToken ct)
        => CertificateVerifier.Verify(qr, await TrustAnchorsAsync(ct), now);

    /// <summary>What the online verifier trusts: the keys and voided numbers in the database, and today's registry.</summary>
    public async Task<TrustAnchors> TrustAnchorsAsync(CancellationToken ct)
    {
        var trusted = await keys.TrustedAsync(ct);
        var revoked = await RevokedAsync(ct);
        var snapshot = await registry.SnapshotAsync(ct);
        return new TrustAnchors(trusted, revoked.Select(r => CertificateVerifier.NumberHash(r.Number)).ToHashSet(StringComparer.Ordinal), snapshot);
    }
}
