using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Certificates;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>
/// Numbers a participant reported lost or stolen, and the form to report more: the same policies as
/// <c>/api/participants/{code}/reported-numbers</c> (reading: the participant's officers; reporting: its
/// authority officers; the secretariat both), the same <see cref="CertificateIssuer.ReportNumbersAsync"/>.
/// Without a participant in the address an officer is taken to its own.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ReportedModel(
    CertificateQueries queries, CertificateIssuer issuer, RegistryQueries registry, IAuthorizationService authorization,
    OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public string? Code { get; private set; }
    public string ParticipantName { get; private set; } = string.Empty;
    public IReadOnlyList<ReportedNumberView> Reported { get; private set; } = [];
    public bool MayReport { get; private set; }

    /// <summary>For the secretariat without a participant in the address: the participants to choose from.</summary>
    public IReadOnlyList<ParticipantChoice> Participants { get; private set; } = [];

    public FormErrors Errors { get; } = new();
    public string? Numbers { get; private set; }
    public string? Kind { get; private set; }
    public string? Note { get; private set; }

    [TempData]
    public int? JustReported { get; set; }

    public static string Link(string code) => "/certificates/reported/" + code;

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (CertificateEndpoints.OfficerParticipant(User) is { } own)
            {
                return Redirect(Link(own));
            }

            if (!User.IsInRole(Roles.Secretariat))
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }

            var all = await registry.ListParticipantsAsync(new ParticipantListQuery(clock.Today(), PageSize: int.MaxValue), ct);
            Participants = [.. all.Items.Where(x => x.Status != StandingView.NotParticipant && !x.Status.StartsWith("covered-by-", StringComparison.Ordinal))
                .Select(x => new ParticipantChoice(x.Code, PortalText.Name(x.Name, x.NameFr), x.Status))];
            return Page();
        }

        return await LoadAsync(code, ct) ?? Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        if (await LoadAsync(code, ct) is { } refusal)
        {
            return refusal;
        }

        if (!MayReport)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        Numbers = Request.Form["numbers"];
        Kind = Request.Form["kind"];
        Note = Request.Form["note"];
        var input = new Input();
        var numbers = input.Texts((Numbers ?? string.Empty).Split(['\n', '\r', ','], StringSplitOptions.TrimEntries), "numbers", 64, 1000);
        if (numbers.Count == 0)
        {
            input.Add(InputCodes.Required, "'numbers' is required: one or more certificate or blank-form numbers.", "numbers");
        }

        var kind = input.Enum<ReportedNumberKind>(Kind, "kind");
        var note = input.Text(Note, "note", 1000, required: false);
        if (!input.IsValid)
        {
            return Failed(input.Errors, StatusCodes.Status400BadRequest, rules: false);
        }

        var outcome = await issuer.ReportNumbersAsync(CertificateEndpoints.Officer(User, Code!, environment), numbers, kind, note.Length == 0 ? null : note, ct);
        if (!outcome.Succeeded)
        {
            return Failed(outcome.Violations, StatusCodes.Status422UnprocessableEntity, rules: true);
        }

        JustReported = outcome.Value!.Count;
        return Redirect(Link(Code!));
    }

    private PageResult Failed(IReadOnlyList<Violation> violations, int status, bool rules)
    {
        // numbers[3] and numbers are one textarea.
        var arranged = violations.Select(v => v.Field?.StartsWith("numbers", StringComparison.Ordinal) == true ? v with { Field = "numbers" } : v);
        if (rules)
        {
            Errors.AddRules(localizer, arranged);
        }
        else
        {
            Errors.Add(localizer, arranged);
        }

        Response.StatusCode = status;
        return Page();
    }

    /// <summary>The participant's reported numbers, for those the API's read policy lets in; 404 for a code that is no participant.</summary>
    private async Task<IActionResult?> LoadAsync(string code, CancellationToken ct)
    {
        if (!ParticipantCode.TryParse(code, out var parsed))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.ParticipantOfficials)).Succeeded)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var participant = await registry.GetParticipantAsync(parsed.Value, clock.Today(), ct);
        if (participant is null)
        {
            return NotFound();
        }

        Code = parsed.Value;
        ParticipantName = PortalText.Name(participant.Name, participant.NameFr);
        MayReport = (await authorization.AuthorizeAsync(User, Policies.ParticipantAuthority)).Succeeded;
        Reported = await queries.ReportedNumbersAsync(Code, ct);
        return null;
    }
}
