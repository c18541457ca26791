using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Notifications;
using OpenKP.Web.Accounts;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Webhooks;

/// <summary>
/// An authority officer's webhook endpoints for its participant's national systems, as
/// <c>/api/participants/{code}/webhooks</c> serves them: add one (its secret shown once, on the answer to the
/// form), remove one, and see each endpoint's recent deliveries with a redeliver button.
/// </summary>
[Authorize(Policy = Policies.AuthorityOfficer)]
public sealed class IndexModel(OpenKP.Notifications.Webhooks webhooks, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int RecentDeliveries = 10;

    /// <summary>Every event a form offers, <c>*</c> first.</summary>
    public static IReadOnlyList<string> Events { get; } = [WebhookRules.AllEvents, .. NoticeTypes.All];

    public string Participant { get; private set; } = string.Empty;

    public IReadOnlyList<(WebhookView Endpoint, IReadOnlyList<WebhookDeliveryView> Deliveries)> Endpoints { get; private set; } = [];

    public FormErrors Errors { get; } = new();

    public string? FormUrl { get; private set; }

    public IReadOnlyList<string> FormEvents { get; private set; } = [];

    /// <summary>The secret of the endpoint just added: on this answer only, never again.</summary>
    public WebhookCreatedView? Created { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        FormUrl = Request.Form["url"];
        FormEvents = [.. Request.Form["events"].Select(e => e ?? string.Empty)];
        var outcome = await webhooks.RegisterAsync(Own(), FormUrl, FormEvents, User.Identity?.Name ?? "unknown", ct);
        if (!outcome.Succeeded)
        {
            Errors.Add(localizer, outcome.Violations);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct);
        }

        Created = outcome.Value;
        FormUrl = null;
        FormEvents = [];
        // Not a redirect: the secret goes to this answer only, not into a cookie or a later page.
        Response.Headers.CacheControl = "no-store";
        return await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(long id, CancellationToken ct)
    {
        var outcome = await webhooks.RemoveAsync(Own(), id, ct);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        Notice = "removed";
        return Redirect("/webhooks");
    }

    public async Task<IActionResult> OnPostRedeliverAsync(long deliveryId, CancellationToken ct)
    {
        var outcome = await webhooks.RedeliverAsync(Own(), deliveryId, ct);
        if (!outcome.Succeeded)
        {
            Errors.Add(localizer, outcome.Violations.Select(v => v with { Field = string.Empty }));
            Response.StatusCode = outcome.Violations.Any(v => v.Code == NotificationCodes.WebhookDeliveryNotFound) ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
            return await LoadAsync(ct);
        }

        Notice = "redelivered";
        return Redirect("/webhooks");
    }

    public static string StatusKey(string status) => "Webhooks.Status." + status;

    private string Own() => User.Participant() ?? throw new InvalidOperationException("An authority officer without a participant.");

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        Participant = Own();
        var list = new List<(WebhookView, IReadOnlyList<WebhookDeliveryView>)>();
        foreach (var endpoint in await webhooks.ListAsync(Participant, ct))
        {
            var deliveries = await webhooks.DeliveriesAsync(Participant, endpoint.Id, 1, RecentDeliveries, ct);
            list.Add((endpoint, deliveries.Value?.Items ?? []));
        }

        Endpoints = list;
        return Page();
    }
}
