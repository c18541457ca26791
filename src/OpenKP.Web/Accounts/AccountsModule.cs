using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenKP.Accounts;
using OpenKP.Data;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Accounts;

/// <summary>Named authorisation policies. Scope rules live in <see cref="ParticipantScopeHandler"/> and nowhere else.</summary>
public static class Policies
{
    public const string Secretariat = "secretariat";
    /// <summary>An authority officer of the participant in the route's <c>{code}</c>, or the secretariat.</summary>
    public const string ParticipantAuthority = "participant-authority";
    /// <summary>An authority or customs officer of the participant in the route's <c>{code}</c>, or the secretariat.</summary>
    public const string ParticipantOfficials = "participant-officials";
    public const string SignedIn = "signed-in";
    /// <summary>Any authority officer; the handler checks which participant it acts for.</summary>
    public const string AuthorityOfficer = "authority-officer";
    /// <summary>Any participant's authority or customs officer, or the secretariat: the scheme's officials.</summary>
    public const string SchemeOfficials = "scheme-officials";
}

internal static class AccountsModule
{
    public const string PolicyScheme = "openkp";

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<OpenKpUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<OpenKpDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<OpenKpClaimsFactory>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = PolicyScheme;
                o.DefaultChallengeScheme = PolicyScheme;
            })
            .AddPolicyScheme(PolicyScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/sign-in";
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/status/403";
                o.Cookie.Name = "openkp.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                // The API answers 401/403 as problems; only pages redirect to the sign-in form.
                o.Events.OnRedirectToLogin = ctx => StatusOrRedirect(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => StatusOrRedirect(ctx, StatusCodes.Status403Forbidden);
            });

        services.AddScoped<IAuthorizationHandler, ParticipantScopeHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(Policies.AuthorityOfficer, p => p.RequireAuthenticatedUser().RequireRole(Roles.AuthorityOfficer))
            .AddPolicy(Policies.SchemeOfficials, p => p.RequireAuthenticatedUser().RequireRole(Roles.AuthorityOfficer, Roles.CustomsOfficer, Roles.Secretariat))
            .AddPolicy(Policies.Secretariat, p => p.RequireAuthenticatedUser().RequireRole(Roles.Secretariat))
            .AddPolicy(Policies.ParticipantAuthority, p => p.RequireAuthenticatedUser().AddRequirements(new ParticipantScopeRequirement(Roles.AuthorityOfficer)))
            .AddPolicy(Policies.ParticipantOfficials, p => p.RequireAuthenticatedUser().AddRequirements(new ParticipantScopeRequirement(Roles.AuthorityOfficer, Roles.CustomsOfficer)));
        services.AddScoped<DemoSeeder>();
        return services;
    }

    private static Task StatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ProblemDefaults.IsApi(ctx.Request.Path))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static WebApplication MapAccounts(this WebApplication app)
    {
        AccountEndpoints.Map(app);
        return app;
    }
}

/// <summary>Adds the participant, company and observer scope of an account to its principal.</summary>
internal sealed class OpenKpClaimsFactory(UserManager<OpenKpUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<OpenKpUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OpenKpUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OpenKpClaims.DisplayName, user.DisplayName));
        if (user.ParticipantCode is not null)
        {
            identity.AddClaim(new Claim(OpenKpClaims.Participant, user.ParticipantCode));
        }

        if (user.OperatorId is { } op)
        {
            identity.AddClaim(new Claim(OpenKpClaims.Operator, op.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.ObserverName is not null)
        {
            identity.AddClaim(new Claim(OpenKpClaims.Observer, user.ObserverName));
        }

        return identity;
    }
}

/// <summary>Requires one of <see cref="Roles"/> and the same participant as the route's <c>{code}</c>; the secretariat passes.</summary>
internal sealed class ParticipantScopeRequirement(params string[] roles) : IAuthorizationRequirement
{
    public IReadOnlyList<string> Roles { get; } = roles;
}

/// <summary>
/// The one place participant scope is enforced: an officer acts only for its own participant.
/// Reads the participant from the route value <c>code</c>.
/// </summary>
internal sealed class ParticipantScopeHandler(IHttpContextAccessor accessor) : AuthorizationHandler<ParticipantScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ParticipantScopeRequirement requirement)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Secretariat))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }

        var routeCode = (accessor.HttpContext?.GetRouteValue("code") as string)?.Trim().ToUpperInvariant();
        var own = user.FindFirstValue(OpenKpClaims.Participant);
        if (routeCode is not null && own == routeCode && requirement.Roles.Any(user.IsInRole))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
