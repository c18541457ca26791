using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Pages.Certificates;
using OpenKP.Web.Pages.Shipments;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Applications;

/// <summary>
/// The export application form, shared by <c>/applications/new</c> and <c>/applications/{id}/edit</c>: the issue form's
/// fields (<c>_CertificateFormFields</c>, without the expiry) plus the invoice reference and the planned dates. The posted
/// form becomes the API's <see cref="ApplicationRequest"/> and is parsed by its <see cref="ApplicationRequest.Parse"/>,
/// then written through <see cref="ApplicationDesk"/>, exactly as <c>POST /api/applications</c> does.
/// </summary>
public abstract class ApplicationFormPage(
    OpenKpDb db, RegistryQueries registry, ParticipantDirectory directory, SigningKeyRing keys, ApplicationDesk desk,
    OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : CertificateFormPage(db, registry, directory, keys, clock, localizer)
{
    /// <summary>The form's own fields (beside the certificate's), in the API's names.</summary>
    private static readonly string[] OwnFields = ["invoiceReference", "plannedDeparture", "expectedArrival"];

    // Kept in fields, not captured: the base class captures the same constructor parameters.
    private readonly OpenKpDb _db = db;
    private readonly IStringLocalizer<SharedResource> _localizer = localizer;

    public string? InvoiceReference { get; protected set; }
    public string? PlannedDeparture { get; protected set; }
    public string? ExpectedArrival { get; protected set; }

    /// <summary>The applying company, as "name — licence", when an operator applies; null when an officer prepares it (and picks the exporter).</summary>
    public string? OwnCompany { get; private set; }

    /// <summary>The application changed (null for a new one), and the version read, which goes back with the change.</summary>
    public long? ApplicationId { get; protected set; }
    public Guid? Version { get; protected set; }

    protected ApplicationDesk Desk => desk;

    protected ShipmentActor Actor => ShipmentEndpoints.Actor(User, environment);

    /// <summary>Who may fill the form: an operator with a company, or an authority officer; the choices for its participant.</summary>
    protected async Task<bool> LoadAsync(CancellationToken ct)
    {
        var actor = Actor;
        if (!(actor.IsOperator && actor.OperatorId is not null) && !actor.IsAuthorityOfficer)
        {
            return false;
        }

        if (actor.Participant is not { } participant)
        {
            return false;
        }

        await LoadChoicesAsync(participant, ct);
        if (actor.IsOperator)
        {
            var company = await _db.Operators.AsNoTracking().Where(o => o.Id == actor.OperatorId)
                .Select(o => new { o.CompanyName, o.LicenceNumber }).SingleOrDefaultAsync(ct);
            OwnCompany = company is null ? string.Empty : $"{company.CompanyName} — {company.LicenceNumber}";
        }

        return true;
    }

    /// <summary>The form prefilled from an application (for its edit page).</summary>
    protected void Fill(ExportApplication a)
    {
        ArgumentNullException.ThrowIfNull(a);
        ApplicationId = a.Id;
        Version = a.Version;
        Form = new CertificateForm
        {
            ImportingParticipant = a.ImportingParticipant,
            ExporterLicence = a.ExporterLicence,
            ImporterName = a.ImporterName,
            ImporterAddress = a.ImporterAddress,
            ImporterLicence = a.ImporterLicence,
            Origin = a.Origin,
            Provenance = a.Provenance,
            OriginZone = a.OriginZone,
            Lines = [.. a.Lines.OrderBy(l => l.Position).Select(l => new LineForm(l.HsCode, Invariant(l.CaratsHundredths / 100m), Invariant(l.UsdCents / 100m)))],
            Parcels = a.Parcels.ToString(CultureInfo.InvariantCulture),
            SealNumbers = string.Join(", ", a.SealNumbers),
            ContainerNumbers = string.Join(", ", a.ContainerNumbers),
            QualityNotes = a.QualityNotes,
        };
        InvoiceReference = a.InvoiceReference;
        PlannedDeparture = a.PlannedDeparture is { } d ? PortalText.Iso(d) : null;
        ExpectedArrival = a.ExpectedArrival is { } e ? PortalText.Iso(e) : null;
    }

    /// <summary>
    /// Reads the posted form into the API's request and parses it with <see cref="ApplicationRequest.Parse"/>; an operator's
    /// exporter is its company (the desk checks), an officer's the licence chosen.
    /// </summary>
    protected ApplicationDraft ReadForm(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Form = CertificateForm.Read(Request.Form);
        InvoiceReference = Request.Form["invoiceReference"];
        PlannedDeparture = Request.Form["plannedDeparture"];
        ExpectedArrival = Request.Form["expectedArrival"];
        var certificate = Form.ToRequest(input);
        var request = new ApplicationRequest(
            OwnCompany is null ? certificate.ExporterLicence ?? string.Empty : null, certificate.ImportingParticipant, certificate.Importer,
            certificate.Origin, certificate.Provenance, certificate.OriginZone, certificate.Lines, certificate.Parcels, InvoiceReference,
            certificate.SealNumbers, certificate.ContainerNumbers, certificate.QualityNotes, PlannedDeparture, ExpectedArrival, Version);
        return request.Parse(input);
    }

    /// <summary>Saves (creates or changes) the draft, then submits it when asked; the application's page, or the form with every problem.</summary>
    protected async Task<IActionResult> SaveAsync(ApplicationDraft draft, bool submit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var actor = Actor;
        var saved = ApplicationId is { } id
            ? await desk.UpdateAsync(actor, id, draft, Version, ct)
            : await desk.CreateAsync(actor, draft, ct);
        if (!saved.Succeeded)
        {
            return Refused(saved.Violations, saved.Kind);
        }

        var application = saved.Value!;
        ApplicationId = application.Id;
        Version = application.Version;
        var notice = DetailsModel.Saved;
        if (submit)
        {
            var submitted = await desk.SubmitAsync(actor, application.Id, application.Version, ct);
            if (!submitted.Succeeded)
            {
                return Refused(submitted.Violations, submitted.Kind);
            }

            notice = DetailsModel.Submitted;
        }

        TempData[ShipmentPages.NoticeKey] = notice;
        return Redirect(DetailsModel.Link(application.Id));
    }

    /// <summary>Shows the form again with every malformed field beside it, each once, and in the summary on top.</summary>
    protected PageResult Invalid(IEnumerable<Violation> violations)
    {
        Errors.Add(_localizer, Arrange(ShipmentPages.OncePerField(violations)));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private PageResult Refused(IEnumerable<Violation> violations, OutcomeKind kind)
    {
        Errors.AddRules(_localizer, Arrange(violations));
        Response.StatusCode = Problems.StatusOf(kind);
        return Page();
    }

    /// <summary>Each violation beside its field: the application's own fields, then the certificate form's.</summary>
    private static IReadOnlyList<Violation> Arrange(IEnumerable<Violation> violations)
    {
        var list = violations.ToList();
        var own = list.Where(v => OwnFields.Contains(v.Field)).ToList();
        var rest = CertificateForm.Arrange(list.Where(v => !OwnFields.Contains(v.Field)));
        return [.. rest.Where(v => v.Field?.Length == 0), .. rest.Where(v => v.Field?.Length > 0), .. own];
    }

    private static string Invariant(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
