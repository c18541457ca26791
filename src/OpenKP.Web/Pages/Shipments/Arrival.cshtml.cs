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

/// <summary>The arrival form as typed: every field a string, as posted.</summary>
public sealed record ArrivalForm(
    string? Qr, string? CertificateNumber, string? SealIntact, string? Parcels, string? Carats, string? Usd, string? ReceivedOn, string? Notes);

/// <summary>
/// The importing customs officer's arrival check, as <c>POST /api/arrivals</c>: the QR text pasted (or the certificate
/// number), the seal, the parcels counted, the carats weighed, the value found and the date of receipt become the API's
/// <see cref="ArrivalRequest"/>, parsed by its <see cref="ArrivalRequest.Parse"/> and checked by <see cref="ArrivalChecker"/>;
/// the result (accepted with the confirmation, or detained with the case) is the check's own page.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ArrivalModel(ArrivalChecker checker, OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private static readonly string[] Fields = ["qr", "certificateNumber", "sealIntact", "parcels", "carats", "usd", "receivedOn", "notes"];

    public ArrivalForm Form { get; private set; } = new(null, null, null, null, null, null, null, null);
    public FormErrors Errors { get; } = new();
    public DateOnly Today { get; private set; }

    public IActionResult OnGet([FromQuery] string? number)
    {
        if (!User.ChecksArrivals())
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Today = clock.Today();
        Form = Form with { CertificateNumber = number, ReceivedOn = PortalText.Iso(Today) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        if (!actor.IsCustomsOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Today = clock.Today();
        var f = Request.Form;
        Form = new ArrivalForm(f["qr"], f["certificateNumber"], f["sealIntact"], f["parcels"], f["carats"], f["usd"], f["receivedOn"], f["notes"]);
        var input = new Input();
        var request = new ArrivalRequest(
            Form.Qr, Form.CertificateNumber,
            Form.SealIntact switch { "yes" => true, "no" => false, _ => null },
            ShipmentPages.WholeNumber(input, Form.Parcels, "parcels"),
            Amount(input, Form.Carats, "carats"), Amount(input, Form.Usd, "usd"), Form.ReceivedOn, Form.Notes);
        var report = request.Parse(input);
        if (!input.IsValid)
        {
            return Failed(ShipmentPages.OncePerField(input.Errors), StatusCodes.Status400BadRequest, rules: false);
        }

        var outcome = await checker.CheckAsync(actor, report, ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, Problems.StatusOf(outcome.Kind), rules: true);
        }

        return Redirect(ArrivalResultModel.Link(outcome.Value!.Check.Id));
    }

    private PageResult Failed(IEnumerable<Violation> violations, int status, bool rules)
    {
        // The verifier's reasons name no form field: they go on top, beside the code that says the QR did not read.
        var arranged = violations.Select(v => v with { Field = Fields.Contains(v.Field) ? v.Field : string.Empty }).ToList();
        if (rules)
        {
            Errors.AddRules(localizer, arranged);
        }
        else
        {
            Errors.Add(localizer, arranged, form: "arrival");
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>An amount typed as text; a bad one is <c>invalid-number</c> on its field (then not reported again as missing).</summary>
    private static decimal? Amount(Input input, string? text, string field)
        => string.IsNullOrWhiteSpace(text) ? null : input.Amount(text, field, required: false) ?? -1m;
}
