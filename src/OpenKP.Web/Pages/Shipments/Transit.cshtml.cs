using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Shipments;

/// <summary>
/// Customs of a participant the goods cross record a sealed shipment in transit, as <c>POST /api/transits</c>: the
/// certificate's QR text verified, whether the seal was intact, notes; through <see cref="DepartureRecorder.TransitAsync"/>.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TransitModel(DepartureRecorder recorder, OpenKpEnvironment environment, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? Qr { get; private set; }
    public string? SealIntact { get; private set; }
    public string? Notes { get; private set; }
    public FormErrors Errors { get; } = new();

    /// <summary>The transit just recorded, shown once: certificate number, whether it verified, whether the seal was intact.</summary>
    [TempData]
    public string? Recorded { get; set; }

    public IActionResult OnGet() => User.ChecksArrivals() ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    public async Task<IActionResult> OnPostAsync([FromForm] string? qr, [FromForm] string? sealIntact, [FromForm] string? notes, CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        if (!actor.IsCustomsOfficer)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        (Qr, SealIntact, Notes) = (qr, sealIntact, notes);
        var input = new Input();
        var text = input.Text(qr, "qr", 4000);
        var note = input.Text(notes, "notes", 2000, required: false);
        bool? intact = sealIntact switch { "yes" => true, "no" => false, _ => null };
        if (intact is null)
        {
            input.Add(InputCodes.Required, "'sealIntact' is required: was the seal intact?", "sealIntact");
        }

        if (!input.IsValid)
        {
            Errors.Add(localizer, input.Errors, form: "arrival");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await recorder.TransitAsync(actor, text, intact!.Value, note.Length == 0 ? null : note, ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations.Select(v => v with { Field = v.Field == "qr" ? "qr" : string.Empty }));
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        var t = outcome.Value!;
        Recorded = string.Join('|', t.CertificateNumber, t.CertificateValid ? "valid" : "invalid", t.SealIntact ? "intact" : "broken");
        return Redirect("/transits");
    }
}
