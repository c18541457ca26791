using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Accounts;

/// <summary><c>{"userName": "...", "password": "..."}</c></summary>
public sealed record TokenRequest(string? UserName, string? Password);

/// <summary>Who the caller is, and what they act for.</summary>
public sealed record MeView(string UserName, string DisplayName, string? Role, string? Participant, long? OperatorId, string? Observer);

internal static class AccountEndpoints
{
    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/api").WithTags("Accounts");
        group.MapPost("/auth/token", IssueToken).AllowAnonymous()
            .WithSummary("Exchange a user name and password for a bearer token")
            .WithDescription("Returns {tokenType, accessToken, expiresIn, refreshToken}. Send the token as 'Authorization: Bearer …'. Five failures lock the account for 15 minutes.");
        group.MapGet("/me", Me).RequireAuthorization(Policies.SignedIn).WithSummary("The signed-in account");
    }

    /// <summary>Signs in with a password and returns a bearer token.</summary>
    internal static async Task<Results<SignInHttpResult, ProblemHttpResult>> IssueToken(
        TokenRequest request, UserManager<OpenKpUser> users, SignInManager<OpenKpUser> signIn)
    {
        var input = new Input();
        input.Text(request.UserName, "userName", 256);
        input.Text(request.Password, "password", 512);
        if (!input.IsValid)
        {
            return Problems.BadRequest(input.Errors);
        }

        var user = await users.FindByNameAsync(request.UserName!.Trim());
        if (user is null)
        {
            return InvalidCredentials();
        }

        var result = await signIn.CheckPasswordSignInAsync(user, request.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Account locked",
                [new(PlatformCodes.AccountLockedOut, "Too many failed sign-ins: this account is locked for 15 minutes.", "userName")]);
        }

        if (!result.Succeeded)
        {
            return InvalidCredentials();
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    internal static Ok<MeView> Me(ClaimsPrincipal user) => TypedResults.Ok(new MeView(
        user.Identity!.Name!,
        user.FindFirstValue(OpenKpClaims.DisplayName) ?? user.Identity.Name!,
        user.FindFirstValue(ClaimTypes.Role),
        user.FindFirstValue(OpenKpClaims.Participant),
        long.TryParse(user.FindFirstValue(OpenKpClaims.Operator), out var op) ? op : null,
        user.FindFirstValue(OpenKpClaims.Observer)));

    private static ProblemHttpResult InvalidCredentials()
        => Problems.Problem(StatusCodes.Status401Unauthorized, "Sign-in failed",
            [new(PlatformCodes.InvalidCredentials, "The user name or password is wrong.", "password")]);
}
