using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>A shipment with everything recorded about it, as its participants see it.</summary>
public sealed record ShipmentRecord(
    Shipment Shipment, IReadOnlyList<ArrivalCheck> Arrivals, ImportConfirmation? Confirmation, IReadOnlyList<DetentionCase> Cases, IReadOnlyList<TransitRecord> Transits);

/// <summary>
/// Reads of the shipments loop, scoped to who asks: officials see their participant's shipments
/// (outgoing and incoming), operators their company's (as exporter or importer), the secretariat all.
/// </summary>
public sealed class ShipmentQueries(OpenKpDb db)
{
    public static readonly IReadOnlyList<string> Directions = ["incoming", "outgoing", "all"];

    /// <summary>Who sees a shipment: both participants' officials, both companies' operators, the secretariat.</summary>
    public static bool CanSee(ShipmentActor actor, Shipment s)
        => actor.IsSecretariat
           || ((actor.IsAuthorityOfficer || actor.IsCustomsOfficer) && (actor.Participant == s.ExportingParticipant || actor.Participant == s.ImportingParticipant))
           || (actor.IsOperator && actor.OperatorId is { } op && (op == s.ExporterOperatorId || op == s.ImporterOperatorId));

    public async Task<Paged<Shipment>> ListAsync(
        ShipmentActor actor, string direction, ShipmentStatus? status, bool openOnly, string? search, string? participant, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Shipments.AsNoTracking();
        var own = actor.IsSecretariat ? participant : actor.Participant;
        if (actor.IsOperator)
        {
            var op = actor.OperatorId ?? -1;
            query = direction switch
            {
                "incoming" => query.Where(s => s.ImporterOperatorId == op),
                "outgoing" => query.Where(s => s.ExporterOperatorId == op),
                _ => query.Where(s => s.ExporterOperatorId == op || s.ImporterOperatorId == op),
            };
        }
        else if (own is not null)
        {
            query = direction switch
            {
                "incoming" => query.Where(s => s.ImportingParticipant == own),
                "outgoing" => query.Where(s => s.ExportingParticipant == own),
                _ => query.Where(s => s.ImportingParticipant == own || s.ExportingParticipant == own),
            };
        }
        else if (!actor.IsSecretariat)
        {
            query = query.Where(_ => false);
        }

        if (status is { } st)
        {
            query = query.Where(s => s.Status == st);
        }

        if (openOnly)
        {
            query = query.Where(s => s.ClosedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(); culture is the database's
            query = query.Where(s => s.CertificateNumber.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.CountAsync(ct);
        var ordered = direction == "incoming"
            ? query.OrderBy(s => s.ExpectedArrival).ThenBy(s => s.Id)
            : query.OrderByDescending(s => s.IssuedOn).ThenByDescending(s => s.Id);
        var items = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<Shipment>(items, page, pageSize, total);
    }

    public async Task<ShipmentRecord?> FindAsync(ShipmentActor actor, string number, CancellationToken ct)
    {
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.CertificateNumber == number, ct);
        if (shipment is null || !CanSee(actor, shipment))
        {
            return null;
        }

        var arrivals = await db.ArrivalChecks.AsNoTracking().Where(a => a.CertificateNumber == number).OrderBy(a => a.Id).ToListAsync(ct);
        if (actor.IsOperator)
        {
            // Companies see what customs found, not customs' internal notes nor who checked.
            foreach (var a in arrivals)
            {
                a.Notes = null;
                a.CheckedBy = "customs";
            }
        }

        var confirmation = await db.ImportConfirmations.AsNoTracking().SingleOrDefaultAsync(c => c.CertificateNumber == number, ct);
        var cases = actor.IsOperator ? [] : await db.DetentionCases.AsNoTracking().Include(c => c.Notes).Where(c => c.CertificateNumber == number).OrderBy(c => c.Id).ToListAsync(ct);
        var transits = await db.TransitRecords.AsNoTracking().Where(t => t.CertificateNumber == number).OrderBy(t => t.Id).ToListAsync(ct);
        return new ShipmentRecord(shipment, arrivals, confirmation, cases, transits);
    }

    /// <summary>An import confirmation, for the officials of either participant, both companies and the secretariat.</summary>
    public async Task<ImportConfirmation?> ConfirmationAsync(ShipmentActor actor, string number, CancellationToken ct)
    {
        var shipment = await db.Shipments.AsNoTracking().SingleOrDefaultAsync(s => s.CertificateNumber == number, ct);
        return shipment is not null && CanSee(actor, shipment)
            ? await db.ImportConfirmations.AsNoTracking().SingleOrDefaultAsync(c => c.CertificateNumber == number, ct)
            : null;
    }

    /// <summary>Export applications the actor may see, newest first: an operator its company's, an officer its participant's, the secretariat all.</summary>
    public async Task<Paged<ExportApplication>> ApplicationsAsync(ShipmentActor actor, ApplicationStatus? status, string? search, int page, int pageSize, CancellationToken ct)
    {
        var query = db.ExportApplications.AsNoTracking();
        if (actor.IsOperator)
        {
            var op = actor.OperatorId ?? -1;
            query = query.Where(a => a.OperatorId == op);
        }
        else if (actor.IsAuthorityOfficer)
        {
            // Operators' drafts are theirs until submitted; an officer's own drafts are listed to it.
            var me = actor.UserName;
            query = query.Where(a => a.ParticipantCode == actor.Participant && (a.Status != ApplicationStatus.Draft || a.CreatedBy == me));
        }
        else if (!actor.IsSecretariat)
        {
            query = query.Where(_ => false);
        }

        if (status is { } st)
        {
            query = query.Where(a => a.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL UPPER(); culture is the database's
            query = query.Where(a => a.InvoiceReference.ToUpper().Contains(term) || a.ImporterName.ToUpper().Contains(term)
                || (a.CertificateNumber != null && a.CertificateNumber.ToUpper().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await query.CountAsync(ct);
        var ordered = status is ApplicationStatus.Submitted or ApplicationStatus.AwaitingSecondApproval
            ? query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id);
        var items = await ordered.Include(a => a.Lines).Include(a => a.Attachments).AsSplitQuery().Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ExportApplication>(items, page, pageSize, total);
    }

    /// <summary>The officers' review queue: submitted applications and those awaiting a second approval, oldest first.</summary>
    public async Task<Paged<ExportApplication>> QueueAsync(string participant, int page, int pageSize, CancellationToken ct)
    {
        var query = db.ExportApplications.AsNoTracking()
            .Where(a => a.ParticipantCode == participant && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.AwaitingSecondApproval));
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.SubmittedAt).ThenBy(a => a.Id).Include(a => a.Lines).Include(a => a.Attachments).AsSplitQuery()
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<ExportApplication>(items, page, pageSize, total);
    }

    public async Task<ExportApplication?> ApplicationAsync(ShipmentActor actor, long id, CancellationToken ct)
    {
        var application = await db.ExportApplications.AsNoTracking().Include(a => a.Lines).Include(a => a.Attachments).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);
        return application is not null && ApplicationAccess.CanSee(actor, application) ? application : null;
    }

    /// <summary>Detention cases of the actor's participant (either side), newest first; the secretariat sees all.</summary>
    public async Task<Paged<DetentionCase>> CasesAsync(ShipmentActor actor, bool openOnly, int page, int pageSize, CancellationToken ct)
    {
        var query = db.DetentionCases.AsNoTracking();
        if (!actor.IsSecretariat)
        {
            var own = (actor.IsAuthorityOfficer || actor.IsCustomsOfficer) ? actor.Participant : null;
            query = own is null ? query.Where(_ => false) : query.Where(c => c.ExportingParticipant == own || c.ImportingParticipant == own);
        }

        if (openOnly)
        {
            query = query.Where(c => c.Resolution == null);
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id).Include(c => c.Notes)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Paged<DetentionCase>(items, page, pageSize, total);
    }
}
