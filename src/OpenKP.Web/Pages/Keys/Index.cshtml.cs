using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Keys;

/// <summary>
/// The signing keys, public halves only, as <c>GET /api/keys</c> lists them; optionally of one participant. The
/// participant's authority officers (and the secretariat, as the API's <c>participant-authority</c> policy allows)
/// rotate its key and revoke a key through <see cref="SigningKeyRing"/>, each after a confirmation step.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(SigningKeyRing keys, ParticipantDirectory directory, IAuthorizationService authorization, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The participant shown: the address's <c>/keys/BW</c>, or the filter's <c>?participant=BW</c>; null: every key.</summary>
    public string? Participant { get; private set; }

    public IReadOnlyList<SigningKeyView> Keys { get; private set; } = [];

    /// <summary>Participants that hold keys, for the filter.</summary>
    public IReadOnlyList<(string Code, string Name)> Holders { get; private set; } = [];

    /// <summary>The confirmation asked for: <c>rotate</c>, or <c>revoke</c> with <see cref="KeyId"/>.</summary>
    public string? Confirm { get; private set; }

    public string? KeyId { get; private set; }
    public string? Reason { get; private set; }
    public FormErrors Errors { get; } = new();

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? NoticeKey { get; set; }

    private RegistrySnapshot _registry = null!;

    public static string Link(string? code) => code is null ? "/keys" : "/keys/" + code;

    public async Task<IActionResult> OnGetAsync(string? code, [FromQuery] string? participant, [FromQuery] string? confirm, [FromQuery] string? keyId, CancellationToken ct)
    {
        if (code is null && !string.IsNullOrWhiteSpace(participant))
        {
            return Redirect(Link(participant.Trim().ToUpperInvariant())); // the filter's GET form, to the participant's address
        }

        await LoadAsync(code, ct);
        if (Participant is not null && MayManage(Participant))
        {
            Confirm = confirm switch
            {
                "rotate" => "rotate",
                "revoke" when Keys.Any(k => k.KeyId == keyId && k.Status != "revoked") => "revoke",
                _ => null,
            };
            KeyId = Confirm == "revoke" ? keyId : null;
        }

        return Page();
    }

    /// <summary>A new key signs from today; the active one retires (as <c>POST /api/participants/{code}/keys/rotate</c>).</summary>
    public async Task<IActionResult> OnPostRotateAsync(string code, CancellationToken ct)
    {
        if (await RefuseAsync() is { } refusal)
        {
            return refusal;
        }

        var c = code.Trim().ToUpperInvariant();
        var outcome = await keys.RotateAsync(c, User.Identity?.Name ?? "unknown", ct);
        if (!outcome.Succeeded)
        {
            await LoadAsync(c, ct);
            return Failed(outcome.Violations, outcome.Kind);
        }

        Notice = "rotated";
        NoticeKey = outcome.Value!.KeyId;
        return Redirect(Link(c));
    }

    /// <summary>Revokes a key with a reason (as <c>POST /api/participants/{code}/keys/{keyId}/revoke</c>).</summary>
    public async Task<IActionResult> OnPostRevokeAsync(string code, [FromForm] string? keyId, [FromForm] string? reason, CancellationToken ct)
    {
        if (await RefuseAsync() is { } refusal)
        {
            return refusal;
        }

        var c = code.Trim().ToUpperInvariant();
        await LoadAsync(c, ct);
        Confirm = "revoke";
        KeyId = keyId;
        Reason = reason;
        var input = new Input();
        var why = input.Text(reason, "reason", 1000);
        var id = input.Text(keyId, "keyId", 64);
        if (!input.IsValid)
        {
            return Failed(input.Errors, OutcomeKind.RuleViolation, StatusCodes.Status400BadRequest);
        }

        var outcome = await keys.RevokeAsync(c, id, why, ct);
        if (!outcome.Succeeded)
        {
            Confirm = null;
            return Failed(outcome.Violations, outcome.Kind);
        }

        Notice = "revoked";
        NoticeKey = outcome.Value!.KeyId;
        return Redirect(Link(c));
    }

    /// <summary>The API's <c>participant-authority</c> policy on the address's participant: sign in first, else 403.</summary>
    private async Task<IActionResult?> RefuseAsync()
        => (await authorization.AuthorizeAsync(User, Policies.ParticipantAuthority)).Succeeded ? null
            : User.IsSignedIn() ? StatusCode(StatusCodes.Status403Forbidden) : Challenge();

    /// <summary>
    /// Whether to offer this participant's key actions: its authority officers, and the secretariat, as the
    /// <c>participant-authority</c> policy decides when the form is posted. Never the hub key's.
    /// </summary>
    public bool MayManage(string participant)
        => participant != SigningKey.HubParticipant
           && (User.IsInRole(Roles.Secretariat) || (User.IsInRole(Roles.AuthorityOfficer) && User.Participant() == participant));

    public bool IsHub(SigningKeyView key) => key.Participant == SigningKey.HubParticipant;

    /// <summary>A participant's name in the reader's language; the hub is the KP Secretariat.</summary>
    public string Name(string code)
        => code == SigningKey.HubParticipant ? localizer["Keys.Hub"].Value
            : _registry.Find(code) is { } p ? PortalText.Name(p.NameEn, p.NameFr) : code;

    private PageResult Failed(IReadOnlyList<Violation> violations, OutcomeKind kind, int? status = null)
    {
        var arranged = violations.Select(v => v.Field is "reason" ? v : v with { Field = string.Empty });
        if (status is null)
        {
            Errors.AddRules(localizer, arranged);
        }
        else
        {
            Errors.Add(localizer, arranged);
        }

        Response.StatusCode = status ?? Problems.StatusOf(kind);
        return Page();
    }

    private async Task LoadAsync(string? code, CancellationToken ct)
    {
        _registry = await directory.SnapshotAsync(ct);
        var all = await keys.ListAsync(null, ct);
        Holders = [.. all.Select(k => k.ParticipantCode).Distinct().Select(c => (c, Name(c))).OrderBy(h => h.Item2, StringComparer.CurrentCultureIgnoreCase)];
        Participant = string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToUpperInvariant();
        Keys = [.. all.Where(k => Participant is null || k.ParticipantCode == Participant).Select(SigningKeyView.Of)];
    }
}
