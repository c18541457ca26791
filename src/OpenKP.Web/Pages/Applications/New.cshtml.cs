using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Shipments;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Applications;

/// <summary>A new export application: an operator for its company, or an authority officer for a licensed exporter of its participant.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class NewModel(
    OpenKpDb db, RegistryQueries registry, ParticipantDirectory directory, SigningKeyRing keys, ApplicationDesk desk,
    OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : ApplicationFormPage(db, registry, directory, keys, desk, environment, clock, localizer)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
        => await LoadAsync(ct) ? Page() : StatusCode(StatusCodes.Status403Forbidden);

    /// <summary>Saves the draft; <paramref name="action"/> <c>submit</c> also submits it to the authority.</summary>
    public async Task<IActionResult> OnPostAsync([FromForm] string? action, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        var input = new Input();
        var draft = ReadForm(input);
        return input.IsValid ? await SaveAsync(draft, action == "submit", ct) : Invalid(input.Errors);
    }
}
