using System.Globalization;
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
/// An authority officer's shipment settings for its participant, as <c>PUT /api/participants/{code}/shipment-settings</c>:
/// the four-eyes threshold, the overdue days and the arrival tolerances, parsed by <see cref="ShipmentSettingsRequest.Parse"/>
/// and saved by <see cref="ShipmentSettingsStore"/> under the version read.
/// </summary>
[Authorize(Policy = Policies.AuthorityOfficer)]
public sealed class SettingsModel(ShipmentSettingsStore settings, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const string SavedNotice = "settings-saved";

    public string Participant { get; private set; } = string.Empty;
    public string? FourEyesThresholdUsd { get; private set; }
    public string? OverdueAfterDays { get; private set; }
    public string? WeightTolerancePercent { get; private set; }
    public string? ValueTolerancePercent { get; private set; }
    public Guid Version { get; private set; }
    public FormErrors Errors { get; } = new();

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.Participant() is not { } own)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Participant = own;
        var current = await settings.GetAsync(own, ct);
        FourEyesThresholdUsd = current.FourEyesThresholdUsdCents is { } t ? Invariant(t / 100m) : null;
        OverdueAfterDays = current.OverdueAfterDays.ToString(CultureInfo.InvariantCulture);
        WeightTolerancePercent = Invariant(current.WeightToleranceBasisPoints / 100m);
        ValueTolerancePercent = Invariant(current.ValueToleranceBasisPoints / 100m);
        Version = current.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.Participant() is not { } own)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Participant = own;
        var f = Request.Form;
        (FourEyesThresholdUsd, OverdueAfterDays, WeightTolerancePercent, ValueTolerancePercent) =
            (f["fourEyesThresholdUsd"], f["overdueAfterDays"], f["weightTolerancePercent"], f["valueTolerancePercent"]);
        Version = Guid.TryParse(f["version"], out var v) ? v : Guid.Empty;
        var input = new Input();
        var request = new ShipmentSettingsRequest(
            Amount(input, FourEyesThresholdUsd, "fourEyesThresholdUsd"), ShipmentPages.WholeNumber(input, OverdueAfterDays, "overdueAfterDays"),
            Amount(input, WeightTolerancePercent, "weightTolerancePercent"), Amount(input, ValueTolerancePercent, "valueTolerancePercent"),
            Version == Guid.Empty ? null : Version);
        var change = request.Parse(input);
        if (!input.IsValid)
        {
            Errors.Add(localizer, ShipmentPages.OncePerField(input.Errors), form: "settings");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var outcome = await settings.ChangeAsync(own, change, request.Version, User.IsInRole(OpenKP.Accounts.Roles.Secretariat), ct);
        if (!outcome.Succeeded)
        {
            Errors.AddRules(localizer, outcome.Violations.Select(x => x with { Field = string.Empty }));
            Response.StatusCode = Problems.StatusOf(outcome.Kind);
            return Page();
        }

        Notice = SavedNotice;
        return Redirect("/shipments/settings");
    }

    private static decimal? Amount(Input input, string? text, string field)
        => string.IsNullOrWhiteSpace(text) ? null : input.Amount(text, field, required: false) ?? -1m;

    private static string Invariant(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
