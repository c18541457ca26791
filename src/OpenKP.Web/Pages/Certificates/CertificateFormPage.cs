using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Certificates;
using OpenKP.Data;
using OpenKP.Registry;
using OpenKP.Shared;
using OpenKP.Web.Portal;
using OpenKP.Web.Registry;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>A participant the form offers, named in the reader's language, with its status today.</summary>
public sealed record ParticipantChoice(string Code, string Name, string Status);

/// <summary>One of the issuing participant's licensed exporters.</summary>
public sealed record ExporterChoice(string Licence, string Company, bool LicensedToday);

/// <summary>What the issue form offers for one issuing participant on one day, and the validity it allows.</summary>
public sealed record IssueFormChoices(
    string Participant, string ParticipantName, string? Authority, int MaxValidityDays, DateOnly Today,
    IReadOnlyList<ParticipantChoice> Participants, IReadOnlyList<ExporterChoice> Exporters)
{
    /// <summary>The expiry a certificate gets when the form leaves it empty (the participant's longest validity).</summary>
    public DateOnly DefaultExpiry => Today.AddDays(MaxValidityDays);
}

/// <summary>
/// The issue form, shared by issuing (<c>/certificates/new</c>) and replacing (<c>/certificates/{number}/replace</c>):
/// the choices it offers and its errors, each beside its field.
/// </summary>
public abstract class CertificateFormPage(
    OpenKpDb db, RegistryQueries registry, ParticipantDirectory directory, SigningKeyRing keys, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : PageModel
{
    public CertificateForm Form { get; protected set; } = new();
    public FormErrors Errors { get; } = new();
    public IssueFormChoices Choices { get; private set; } = null!;

    /// <summary>The participant an officer issues for: its own.</summary>
    protected string? OwnParticipant => User.FindFirstValue(OpenKpClaims.Participant);

    protected async Task LoadChoicesAsync(string participant, CancellationToken ct)
    {
        var today = clock.Today();
        var all = await registry.ListParticipantsAsync(new ParticipantListQuery(today, PageSize: int.MaxValue), ct);
        var participants = all.Items
            .Where(p => p.Status != StandingView.NotParticipant && !p.Status.StartsWith("covered-by-", StringComparison.Ordinal))
            .Select(p => new ParticipantChoice(p.Code, PortalText.Name(p.Name, p.NameFr), p.Status))
            .OrderBy(p => p.Name, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
        var exporters = await db.Operators.AsNoTracking()
            .Where(o => o.ParticipantCode == participant && o.IsExporter)
            .OrderBy(o => o.LicenceNumber).ToListAsync(ct);
        var own = (await directory.SnapshotAsync(ct)).Find(participant);
        var authority = await keys.IssuingAuthorityAsync(participant, ct);
        Choices = new IssueFormChoices(
            participant, own is null ? participant : PortalText.Name(own.NameEn, own.NameFr), authority?.Name,
            own?.MaxCertificateValidityDays ?? IssuancePolicy.DefaultMaxValidityDays, today,
            participants, [.. exporters.Select(o => new ExporterChoice(o.LicenceNumber, o.CompanyName, o.IsLicensedOn(today, asExporter: true)))]);
    }

    /// <summary>Shows the form again with every malformed field beside it and in the summary on top.</summary>
    protected PageResult Malformed(IEnumerable<Violation> violations)
    {
        Errors.Add(localizer, CertificateForm.Arrange(violations));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>Shows the form again with every broken rule beside its field (the rule's own words too) and in the summary.</summary>
    protected PageResult Refused(Outcome<Certificate> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Errors.AddRules(localizer, CertificateForm.Arrange(outcome.Violations));
        Response.StatusCode = Problems.StatusOf(outcome.Kind);
        return Page();
    }
}
