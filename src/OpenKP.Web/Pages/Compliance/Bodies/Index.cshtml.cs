using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Compliance;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Compliance;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Compliance.Bodies;

/// <summary>
/// The Chair and Vice-Chair by year and the working bodies with their members and outcomes for a year, as
/// <c>GET /api/compliance/chairmanships</c> and <c>/api/compliance/bodies</c>; the secretariat's forms write them.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(BodyRoster roster, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")] public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public IReadOnlyList<ChairmanshipView> Chairmanships { get; private set; } = [];
    public IReadOnlyList<BodyView> Bodies { get; private set; } = [];
    public bool IsSecretariat { get; private set; }
    public FormErrors Errors { get; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public Task<IActionResult> OnPostChairAsync([FromForm] int? chairYear, [FromForm] string? chair, [FromForm] string? viceChair, [FromForm] string? chairPerson, CancellationToken ct)
        => StepAsync(chairYear, input =>
        {
            var y = BodyEndpoints.Year(input, chairYear);
            var c = input.Code(chair, "chair");
            var v = string.IsNullOrWhiteSpace(viceChair) ? null : input.Code(viceChair, "viceChair");
            var p = input.Text(chairPerson, "chairPerson", 200, required: false);
            return input.IsValid ? Wrap(roster.SetChairmanshipAsync(y, c, v, p, null, ct)) : null;
        }, ct);

    public Task<IActionResult> OnPostMemberAsync([FromForm] string? body, [FromForm] int? memberYear, [FromForm] string? kind, [FromForm] string? member, [FromForm] string? role, [FromForm] string? from, [FromForm] string? endsOn, CancellationToken ct)
        => StepAsync(memberYear, input =>
        {
            var parsed = new BodyMemberRequest(memberYear, kind, member, role, from, endsOn).Parse(input);
            return input.IsValid ? Wrap(roster.AddMemberAsync(body ?? string.Empty, parsed, ct)) : null;
        }, ct);

    public Task<IActionResult> OnPostOutcomeAsync([FromForm] string? body, [FromForm] int? outcomeYear, [FromForm] string? text, CancellationToken ct)
        => StepAsync(outcomeYear, input =>
        {
            var y = BodyEndpoints.Year(input, outcomeYear);
            var t = input.Text(text, "text", 20000);
            return input.IsValid ? Wrap(roster.SetOutcomeAsync(body ?? string.Empty, y, t, null, ct)) : null;
        }, ct);

    public static string Link(int year) => "/compliance/bodies?year=" + year.ToString(CultureInfo.InvariantCulture);

    private static async Task<IReadOnlyList<Violation>> Wrap<T>(Task<Outcome<T>> running)
    {
        var outcome = await running;
        return outcome.Violations;
    }

    private async Task<IActionResult> StepAsync(int? year, Func<Input, Task<IReadOnlyList<Violation>>?> step, CancellationToken ct)
    {
        Year ??= year;
        if (await LoadAsync(ct) is { } refusal)
        {
            return refusal;
        }

        if (!IsSecretariat)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        if (step(input) is not { } running)
        {
            Errors.Add(localizer, input.Errors);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (await running is { Count: > 0 } violations)
        {
            Errors.AddRules(localizer, violations);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }

        return Redirect(Link(year ?? ShownYear));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var reader = ComplianceReaders.Of(User);
        if (!reader.SeesShared)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        IsSecretariat = reader.IsSecretariat;
        ShownYear = Year is >= 2000 and <= 9998 ? Year.Value : clock.GetUtcNow().Year;
        Chairmanships = [.. (await roster.ChairmanshipsAsync(ct)).Select(ChairmanshipView.Of)];
        Bodies = await BodyEndpoints.BodiesAsync(roster, ShownYear, ct);
        return null;
    }
}
