using System.Security.Claims;
using OpenKP.Accounts;
using OpenKP.Compliance;

namespace OpenKP.Web.Compliance;

/// <summary>Turns the signed-in account (or no account) into the <see cref="ComplianceReader"/> whose rules decide what it sees.</summary>
internal static class ComplianceReaders
{
    public static ComplianceReader Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return ComplianceReader.Anonymous;
        }

        var name = user.Identity.Name;
        if (user.IsInRole(Roles.Secretariat))
        {
            return new(name, ComplianceRole.Secretariat);
        }

        if (user.IsInRole(Roles.AuthorityOfficer) && user.FindFirstValue(OpenKpClaims.Participant) is { Length: > 0 } participant)
        {
            return new(name, ComplianceRole.Authority, participant);
        }

        if (user.IsInRole(Roles.Observer))
        {
            return new(name, ComplianceRole.Observer, Observer: user.FindFirstValue(OpenKpClaims.Observer));
        }

        return new(name, ComplianceRole.Other);
    }
}
