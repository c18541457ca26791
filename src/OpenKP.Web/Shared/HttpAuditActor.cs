using System.Security.Claims;
using OpenKP.Accounts;
using OpenKP.Audit;

namespace OpenKP.Web.Shared;

/// <summary>The signed-in user of the current request, as the audit trail records them.</summary>
internal sealed class HttpAuditActor(IHttpContextAccessor accessor) : IAuditActor
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;

    public string UserName => User?.Identity?.IsAuthenticated == true ? User.Identity.Name ?? "unknown" : accessor.HttpContext is null ? "system" : "anonymous";
    public string? Role => User?.FindFirstValue(ClaimTypes.Role);
    public string? Participant => User?.FindFirstValue(OpenKpClaims.Participant);
}
