using System.Security.Claims;
using OpenKP.Accounts;

namespace OpenKP.Web.Portal;

/// <summary>What the header shows about the signed-in person.</summary>
internal static class PortalUser
{
    public static string DisplayName(this ClaimsPrincipal user)
        => user.FindFirstValue(OpenKpClaims.DisplayName) ?? user.Identity?.Name ?? string.Empty;

    public static string? Role(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role);

    /// <summary>The participant an officer, customs officer or operator acts for; null for the secretariat and observers.</summary>
    public static string? Participant(this ClaimsPrincipal user) => user.FindFirstValue(OpenKpClaims.Participant);

    public static bool IsSignedIn(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true;

    /// <summary>Whether the certificates pages are for this person: the secretariat and the officers of a participant, as for the API.</summary>
    public static bool SeesCertificates(this ClaimsPrincipal user)
        => user.IsInRole(Roles.Secretariat) || OpenKP.Web.Certificates.CertificateEndpoints.OfficerParticipant(user) is not null;

    /// <summary>Whether the alerts page is for this person: authority and customs officers and the secretariat, as for the API.</summary>
    public static bool SeesAlerts(this ClaimsPrincipal user)
        => user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.CustomsOfficer) || user.IsInRole(Roles.Secretariat);

    /// <summary>Export applications: operators (their company's), authority officers (their participant's) and the secretariat.</summary>
    public static bool SeesApplications(this ClaimsPrincipal user)
        => user.IsInRole(Roles.Operator) || user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.Secretariat);

    /// <summary>Shipments: operators, authority and customs officers, the secretariat (observers see no commercial data).</summary>
    public static bool SeesShipments(this ClaimsPrincipal user)
        => user.SeesApplications() || user.IsInRole(Roles.CustomsOfficer);

    /// <summary>The overdue list: the exporting authority's officers and the secretariat.</summary>
    public static bool SeesOverdue(this ClaimsPrincipal user)
        => user.IsInRole(Roles.AuthorityOfficer) || user.IsInRole(Roles.Secretariat);

    /// <summary>Detention cases: authority and customs officers and the secretariat.</summary>
    public static bool SeesCases(this ClaimsPrincipal user) => user.SeesAlerts();

    /// <summary>The arrival check and the transit record: customs officers.</summary>
    public static bool ChecksArrivals(this ClaimsPrincipal user) => user.IsInRole(Roles.CustomsOfficer);
}
