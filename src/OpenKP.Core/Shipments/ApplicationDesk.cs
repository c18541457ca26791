using Microsoft.EntityFrameworkCore;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Notifications;
using OpenKP.Shared;

namespace OpenKP.Shipments;

/// <summary>
/// What an exporter applies for, parsed: the certificate's content plus the invoice reference and
/// planned dates. <see cref="ExporterLicence"/> names the company when an officer prepares an
/// application for it; an operator always applies for its own company.
/// </summary>
public sealed record ApplicationDraft(
    string? ExporterLicence,
    string ImportingParticipant,
    string ImporterName,
    string ImporterAddress,
    string? ImporterLicence,
    string Origin,
    string? Provenance,
    string? OriginZone,
    IReadOnlyList<CertificateLine> Lines,
    int Parcels,
    string InvoiceReference,
    IReadOnlyList<string> SealNumbers,
    IReadOnlyList<string> ContainerNumbers,
    string? QualityNotes,
    DateOnly? PlannedDeparture,
    DateOnly? ExpectedArrival);

/// <summary>
/// The exporter's side of an export application: create, change while a draft (or sent back),
/// attach the invoice and valuation report, submit to its authority. Operators act only for their own
/// company; an authority officer may prepare an application for a licensed exporter of its participant.
/// </summary>
public sealed class ApplicationDesk(OpenKpDb db, FileStore files, Notifier notifier, TimeProvider clock)
{
    public const int MaxAttachments = 10;

    public async Task<Outcome<ExportApplication>> CreateAsync(ShipmentActor actor, ApplicationDraft draft, CancellationToken ct)
    {
        var exporter = await ExporterAsync(actor, draft.ExporterLicence, ct);
        if (!exporter.Succeeded)
        {
            return Outcome<ExportApplication>.Invalid(exporter.Violations);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var application = new ExportApplication
        {
            ParticipantCode = exporter.Value!.ParticipantCode,
            OperatorId = exporter.Value.Id,
            ExporterLicence = exporter.Value.LicenceNumber,
            ImportingParticipant = draft.ImportingParticipant,
            ImporterName = draft.ImporterName,
            ImporterAddress = draft.ImporterAddress,
            Origin = draft.Origin,
            InvoiceReference = draft.InvoiceReference,
            Status = ApplicationStatus.Draft,
            CreatedBy = actor.UserName,
            CreatedAt = now,
        };
        Apply(application, draft, now);
        db.ExportApplications.Add(application);
        await db.SaveChangesAsync(ct);
        return Outcome<ExportApplication>.Success(application);
    }

    /// <summary>Replaces a draft's content (a draft, or one sent back), under the version the caller read.</summary>
    public async Task<Outcome<ExportApplication>> UpdateAsync(ShipmentActor actor, long id, ApplicationDraft draft, Guid? version, CancellationToken ct)
    {
        var found = await EditableAsync(actor, id, version, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var application = found.Value!;
        if (draft.ExporterLicence is { } licence && !licence.Equals(application.ExporterLicence, StringComparison.OrdinalIgnoreCase))
        {
            return Outcome<ExportApplication>.Invalid(new Violation(ShipmentCodes.ApplicantNotExporter,
                "An application's exporter does not change: start a new application for another company.", "exporterLicence"));
        }

        db.ApplicationLines.RemoveRange(application.Lines);
        application.Lines.Clear();
        Apply(application, draft, clock.GetUtcNow().UtcDateTime);
        // A new version even when only the lines changed (they are rows of their own): readers of the old one must reload.
        application.Version = Guid.NewGuid();
        return await ApplicationRows.SaveAsync(db, application, ct);
    }

    /// <summary>Submits a draft (or a sent-back application) to the exporting participant's authority.</summary>
    public async Task<Outcome<ExportApplication>> SubmitAsync(ShipmentActor actor, long id, Guid? version, CancellationToken ct)
    {
        var found = await EditableAsync(actor, id, version, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        var application = found.Value!;
        var now = clock.GetUtcNow().UtcDateTime;
        application.Status = ApplicationStatus.Submitted;
        application.SubmittedAt = now;
        application.UpdatedAt = now;
        application.FirstApprovedBy = null;
        application.FirstApprovedAt = null;
        notifier.Publish(new Notice(NoticeTypes.ApplicationSubmitted,
            $"Export application {id} submitted",
            $"Application {id} to {application.ImportingParticipant} ({application.TotalCaratsHundredths / 100m:N2} ct, US${application.TotalUsdCents / 100m:N2}) awaits review.",
            $"/applications/{id}", [Audience.Authority(application.ParticipantCode)],
            new Dictionary<string, object?> { ["applicationId"] = id, ["participant"] = application.ParticipantCode }));
        return await ApplicationRows.SaveAsync(db, application, ct);
    }

    /// <summary>Attaches a file (PDF, PNG or JPEG, checked by content) to an application that may still change.</summary>
    public async Task<Outcome<ApplicationAttachment>> AttachAsync(
        ShipmentActor actor, long id, AttachmentKind kind, string fileName, Stream content, CancellationToken ct)
    {
        var found = await EditableAsync(actor, id, null, ct);
        if (!found.Succeeded)
        {
            return Outcome<ApplicationAttachment>.From(found);
        }

        var application = found.Value!;
        if (application.Attachments.Count >= MaxAttachments)
        {
            return Outcome<ApplicationAttachment>.Invalid(new Violation(ShipmentCodes.AttachmentLimitReached, $"An application has at most {MaxAttachments} attachments.", "file"));
        }

        var stored = await files.StoreAsync(content, "file", ct);
        if (!stored.Succeeded)
        {
            return Outcome<ApplicationAttachment>.Invalid(stored.Violations);
        }

        var attachment = new ApplicationAttachment
        {
            Kind = kind,
            FileName = SafeName(fileName),
            ContentType = stored.Value!.ContentType,
            Size = stored.Value.Size,
            Sha256 = stored.Value.Sha256,
            UploadedBy = actor.UserName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        };
        application.Attachments.Add(attachment);
        application.UpdatedAt = attachment.UploadedAt;
        var saved = await ApplicationRows.SaveAsync(db, application, ct);
        return saved.Succeeded ? Outcome<ApplicationAttachment>.Success(attachment) : Outcome<ApplicationAttachment>.From(saved);
    }

    /// <summary>Deletes a draft the exporter no longer wants (only a draft never submitted).</summary>
    public async Task<Outcome<ExportApplication>> DeleteAsync(ShipmentActor actor, long id, CancellationToken ct)
    {
        var found = await EditableAsync(actor, id, null, ct);
        if (!found.Succeeded)
        {
            return found;
        }

        if (found.Value!.Status != ApplicationStatus.Draft)
        {
            return Outcome<ExportApplication>.Conflict(new(ShipmentCodes.ApplicationNotEditable, $"Application {id} was submitted once: it stays on record.", "id"));
        }

        db.ExportApplications.Remove(found.Value);
        await db.SaveChangesAsync(ct);
        return found;
    }

    /// <summary>A file name safe to show and to send back in Content-Disposition: no path, no control characters, at most 255 characters.</summary>
    internal static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c != '"')]).Trim();
        return name.Length == 0 ? "file" : name.Length > 255 ? name[..255] : name;
    }

    private async Task<Outcome<OpenKP.Registry.Operator>> ExporterAsync(ShipmentActor actor, string? licence, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        OpenKP.Registry.Operator? exporter = null;
        if (actor.IsOperator && actor.OperatorId is { } own)
        {
            exporter = await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.Id == own, ct);
            if (licence is not null && exporter is not null && !licence.Equals(exporter.LicenceNumber, StringComparison.OrdinalIgnoreCase))
            {
                return Outcome<OpenKP.Registry.Operator>.Invalid(new Violation(ShipmentCodes.ApplicantNotExporter,
                    $"You apply for your own company ({exporter.LicenceNumber}) only.", "exporterLicence"));
            }
        }
        else if (actor.IsAuthorityOfficer && actor.Participant is { } participant)
        {
            if (licence is null)
            {
                return Outcome<OpenKP.Registry.Operator>.Invalid(new Violation(InputCodes.Required,
                    "'exporterLicence' is required when an officer prepares an application: the exporter's licence number.", "exporterLicence"));
            }

            exporter = await db.Operators.AsNoTracking().SingleOrDefaultAsync(o => o.ParticipantCode == participant && o.LicenceNumber == licence, ct);
        }

        return exporter is not null && exporter.IsLicensedOn(today, asExporter: true)
            ? Outcome<OpenKP.Registry.Operator>.Success(exporter)
            : Outcome<OpenKP.Registry.Operator>.Invalid(new Violation(ShipmentCodes.ApplicantNotExporter,
                $"{licence ?? "Your company"} is not a licensed exporter of {actor.Participant} today.", "exporterLicence"));
    }

    private async Task<Outcome<ExportApplication>> EditableAsync(ShipmentActor actor, long id, Guid? version, CancellationToken ct)
    {
        var application = await ApplicationRows.LoadAsync(db, id, ct);
        if (application is null || !ApplicationAccess.CanEdit(actor, application))
        {
            return Outcome<ExportApplication>.NotFound(new(ShipmentCodes.ApplicationNotFound, $"You have no application {id}.", "id"));
        }

        if (!application.Editable)
        {
            return Outcome<ExportApplication>.Conflict(new(ShipmentCodes.ApplicationNotEditable,
                $"Application {id} is {Input.Kebab(application.Status)}: only a draft, or one sent back for changes, can change.", "id"));
        }

        if (ApplicationRows.Stale(application, version) is { } stale)
        {
            return Outcome<ExportApplication>.Conflict(stale);
        }

        return Outcome<ExportApplication>.Success(application);
    }


    private static void Apply(ExportApplication a, ApplicationDraft d, DateTime now)
    {
        a.ImportingParticipant = d.ImportingParticipant;
        a.ImporterName = d.ImporterName;
        a.ImporterAddress = d.ImporterAddress;
        a.ImporterLicence = d.ImporterLicence;
        a.Origin = d.Origin;
        a.Provenance = d.Provenance;
        a.OriginZone = d.OriginZone;
        a.Lines = [.. d.Lines.Select((l, i) => new ApplicationLine
        {
            Position = i + 1, HsCode = l.HsCode, CaratsHundredths = Certificate.Hundredths(l.Carats), UsdCents = Certificate.Hundredths(l.Usd),
        })];
        a.Parcels = d.Parcels;
        a.InvoiceReference = d.InvoiceReference;
        a.SealNumbers = [.. d.SealNumbers];
        a.ContainerNumbers = [.. d.ContainerNumbers];
        a.QualityNotes = d.QualityNotes;
        a.PlannedDeparture = d.PlannedDeparture;
        a.ExpectedArrival = d.ExpectedArrival;
        a.TotalCaratsHundredths = a.Lines.Sum(l => l.CaratsHundredths);
        a.TotalUsdCents = a.Lines.Sum(l => l.UsdCents);
        a.UpdatedAt = now;
    }
}

/// <summary>Who sees and changes an export application.</summary>
public static class ApplicationAccess
{
    /// <summary>The exporting company's operators, the exporting participant's authority officers, the secretariat.</summary>
    public static bool CanSee(ShipmentActor actor, ExportApplication a)
        => actor.IsSecretariat || (actor.IsOperator && actor.OperatorId == a.OperatorId) || (actor.IsAuthorityOfficer && actor.Participant == a.ParticipantCode);

    /// <summary>
    /// The exporting company's operators; an authority officer only the applications it prepared itself.
    /// An officer never rewrites an operator's application (it sends it back for changes): otherwise it
    /// could change what it then approves, and four eyes would be two.
    /// </summary>
    public static bool CanEdit(ShipmentActor actor, ExportApplication a)
        => (actor.IsOperator && actor.OperatorId == a.OperatorId)
           || (actor.IsAuthorityOfficer && actor.Participant == a.ParticipantCode && string.Equals(a.CreatedBy, actor.UserName, StringComparison.OrdinalIgnoreCase));
}
