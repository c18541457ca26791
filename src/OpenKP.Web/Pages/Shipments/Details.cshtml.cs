using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Shipments;

/// <summary>
/// One shipment for those who see it (<see cref="ShipmentQueries.CanSee"/>, else 404, as the API): where it stands, its
/// departure, transits, arrival checks, the import confirmation and the cases. The exporting participant's customs record
/// the departure here (<see cref="DepartureRecorder.DepartAsync"/>); its authority reminds the importing side when the
/// confirmation is overdue (<see cref="OverdueWatch.RemindAsync"/>).
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class DetailsModel(
    ShipmentQueries queries, DepartureRecorder recorder, OverdueWatch watch, ShipmentSettingsStore settings, OpenKpEnvironment environment,
    TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string Departed = "departed";
    public const string Reminded = "reminded";

    public ShipmentRecord Record { get; private set; } = null!;
    public Shipment Shipment => Record.Shipment;

    /// <summary>The exporting participant's customs, while the goods wait to leave.</summary>
    public bool MayDepart { get; private set; }

    /// <summary>The exporting participant's authority, while the confirmation is overdue.</summary>
    public bool MayRemind { get; private set; }

    /// <summary>No confirmation this long after issue (or expired unused): the loop is overdue.</summary>
    public bool Overdue { get; private set; }

    /// <summary>The importing participant's customs, before any arrival check: the arrival form is for them.</summary>
    public bool MayCheckArrival { get; private set; }

    /// <summary>Officers and the secretariat read the certificate itself.</summary>
    public bool MayReadCertificate { get; private set; }

    /// <summary>Those who see the export application it came from: the exporting company, authority and the secretariat.</summary>
    public bool MaySeeApplication { get; private set; }

    public string? Notice { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The departure form as typed, kept when it comes back with a problem.</summary>
    public string? Seals { get; private set; }
    public string? Note { get; private set; }

    public static string Link(string number) => ShipmentPages.ShipmentLink(number);

    private ShipmentActor Actor => ShipmentEndpoints.Actor(User, environment);

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        Notice = TempData[ShipmentPages.NoticeKey] as string;
        return Page();
    }

    /// <summary>Customs saw the container sealed and gone: the seals found (all the certificate lists, no others).</summary>
    public async Task<IActionResult> OnPostDepartAsync(string number, [FromForm] string? seals, [FromForm] string? note, [FromForm] string? version, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Actor.IsCustomsOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Seals = seals;
        Note = note;
        var input = new Input();
        var found = input.Texts((seals ?? string.Empty).Split([',', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), "sealNumbers", 64, 50);
        var text = input.Text(note, "note", 2000, required: false);
        if (!input.IsValid)
        {
            return await FailedAsync(number, input.Errors, StatusCodes.Status400BadRequest, ct);
        }

        var outcome = await recorder.DepartAsync(Actor, Shipment.CertificateNumber, found, text.Length == 0 ? null : text, Guid.TryParse(version, out var v) ? v : null, ct);
        if (!outcome.Succeeded)
        {
            return await FailedAsync(number, outcome.Violations, Problems.StatusOf(outcome.Kind), ct);
        }

        TempData[ShipmentPages.NoticeKey] = Departed;
        return Redirect(Link(Shipment.CertificateNumber));
    }

    public async Task<IActionResult> OnPostRemindAsync(string number, CancellationToken ct)
    {
        if (await LoadAsync(number, ct) is { } refusal)
        {
            return refusal;
        }

        if (!Actor.IsAuthorityOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var outcome = await watch.RemindAsync(Actor, Shipment.CertificateNumber, ct);
        if (!outcome.Succeeded)
        {
            return await FailedAsync(number, outcome.Violations, Problems.StatusOf(outcome.Kind), ct);
        }

        TempData[ShipmentPages.NoticeKey] = Reminded;
        return Redirect(Link(Shipment.CertificateNumber));
    }

    private async Task<IActionResult> FailedAsync(string number, IEnumerable<Violation> violations, int status, CancellationToken ct)
    {
        await LoadAsync(number, ct);
        Errors.AddRules(localizer, violations.Select(v => v with
        {
            Field = v.Field is { } f && f.StartsWith("sealNumbers", StringComparison.Ordinal) ? "seals" : v.Field == "note" ? "note" : string.Empty,
        }));
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string number, CancellationToken ct)
    {
        var actor = Actor;
        if (User.IsInRole(OpenKP.Accounts.Roles.Observer) || await queries.FindAsync(actor, number.Trim(), ct) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        var s = record.Shipment;
        var today = clock.Today();
        var overdueAfter = (await settings.GetAsync(s.ExportingParticipant, ct)).OverdueAfterDays;
        Overdue = s.Status is ShipmentStatus.AwaitingDeparture or ShipmentStatus.Departed
            && (s.IssuedOn < today.AddDays(-overdueAfter) || (s.Status == ShipmentStatus.AwaitingDeparture && s.ExpiresOn < today));
        MayDepart = s.Status == ShipmentStatus.AwaitingDeparture && actor.IsCustomsOfficer && actor.Participant == s.ExportingParticipant;
        // As the daily sweep: the importing side is reminded of goods that left (or may have), not of a certificate that expired unused.
        var expiredUnused = s.Status == ShipmentStatus.AwaitingDeparture && s.ExpiresOn < today;
        MayRemind = Overdue && !expiredUnused && actor.IsAuthorityOfficer && actor.Participant == s.ExportingParticipant;
        MayCheckArrival = record.Arrivals.Count == 0 && !s.Closed && actor.IsCustomsOfficer && actor.Participant == s.ImportingParticipant;
        MayReadCertificate = actor.IsSecretariat || actor.IsAuthorityOfficer || actor.IsCustomsOfficer;
        MaySeeApplication = s.ApplicationId is not null
            && (actor.IsSecretariat || (actor.IsAuthorityOfficer && actor.Participant == s.ExportingParticipant) || (actor.IsOperator && actor.OperatorId == s.ExporterOperatorId));
        return null;
    }
}
