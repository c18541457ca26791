using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using OpenKP.Data;
using OpenKP.Shipments;
using OpenKP.Statistics;
using OpenKP.Web.Accounts;
using OpenKP.Web.Shared;
using OpenKP.Web.Shipments;

namespace OpenKP.Web.Pages.Shipments;

/// <summary>
/// What one arrival check found, for the officials of both participants and the secretariat (others: 404): accepted,
/// with the import confirmation it produced; or detained, with every discrepancy and the case opened for it.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ArrivalResultModel(OpenKpDb db, FootprintChecker footprints, OpenKpEnvironment environment) : PageModel
{
    public ArrivalCheck Check { get; private set; } = null!;
    public ImportConfirmation? Confirmation { get; private set; }
    public DetentionCase? Case { get; private set; }

    /// <summary>The certificate's lines against its origin's footprint as it stands now (a warning for customs; the outcome stands).</summary>
    public FootprintCheck? Footprint { get; private set; }

    /// <summary>Whether the reader may open the shipment's page (a transit participant's customs may not).</summary>
    public bool SeesShipment { get; private set; }

    public static string Link(long id) => "/arrivals/" + id.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var actor = ShipmentEndpoints.Actor(User, environment);
        var check = await db.ArrivalChecks.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct);
        var official = actor.IsAuthorityOfficer || actor.IsCustomsOfficer;
        if (check is null || !(actor.IsSecretariat || (official && (actor.Participant == check.ImportingParticipant || actor.Participant == check.ExportingParticipant))))
        {
            return NotFound();
        }

        Check = check;
        Confirmation = check.Outcome == ArrivalOutcome.Accepted
            ? await db.ImportConfirmations.AsNoTracking().SingleOrDefaultAsync(c => c.CertificateNumber == check.CertificateNumber, ct)
            : null;
        Case = await db.DetentionCases.AsNoTracking().SingleOrDefaultAsync(c => c.ArrivalCheckId == id, ct);
        Footprint = await footprints.CheckCertificateAsync(check.CertificateNumber, ct);
        SeesShipment = await db.Shipments.AsNoTracking().AnyAsync(s => s.CertificateNumber == check.CertificateNumber, ct);
        return Page();
    }
}
