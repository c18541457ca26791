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

/// <summary>
/// Changes a draft, or an application sent back, as <c>PUT /api/applications/{id}</c> does: under the version read, so a
/// change never lands on an application that changed in between. Others' applications are not found.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class EditModel(
    OpenKpDb db, RegistryQueries registry, ParticipantDirectory directory, SigningKeyRing keys, ApplicationDesk desk, ShipmentQueries queries,
    OpenKpEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : ApplicationFormPage(db, registry, directory, keys, desk, environment, clock, localizer)
{
    /// <summary>Why the application was sent back, shown above the form.</summary>
    public string? SentBackBecause { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, [FromForm] string? action, [FromForm] string? version, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is { } refusal)
        {
            return refusal;
        }

        Version = Guid.TryParse(version, out var v) ? v : null;
        var input = new Input();
        var draft = ReadForm(input);
        return input.IsValid ? await SaveAsync(draft, action == "submit", ct) : Invalid(input.Errors);
    }

    /// <summary>404 for an application the user cannot see, 403 for one it sees but may not change; back to its page once it no longer changes.</summary>
    private async Task<IActionResult?> FindAsync(long id, CancellationToken ct)
    {
        var application = await queries.ApplicationAsync(Actor, id, ct);
        if (application is null)
        {
            return NotFound();
        }

        if (!ApplicationAccess.CanEdit(Actor, application) || !await LoadAsync(ct))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!application.Editable)
        {
            return Redirect(DetailsModel.Link(id));
        }

        Fill(application);
        SentBackBecause = application.Status == ApplicationStatus.SentBack ? application.DecisionNote : null;
        return null;
    }
}
