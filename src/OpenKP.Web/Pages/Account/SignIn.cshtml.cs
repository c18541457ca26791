using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenKP.Accounts;
using OpenKP.Shared;
using OpenKP.Web.Portal;
using OpenKP.Web.Shared;

namespace OpenKP.Web.Pages.Account;

/// <summary>Signs in with a user name and password into the portal's cookie; five failures lock the account for 15 minutes.</summary>
[AllowAnonymous]
public sealed class SignInModel(SignInManager<OpenKpUser> signIn, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(Name = "userName")]
    public string? UserName { get; set; }

    [BindProperty(Name = "password")]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    public FormErrors Errors { get; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = new Input();
        input.Text(UserName, "userName", 256);
        input.Text(Password, "password", 512);
        if (!input.IsValid)
        {
            return Failed(input.Errors);
        }

        var result = await signIn.PasswordSignInAsync(UserName!.Trim(), Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Failed([new(PlatformCodes.AccountLockedOut, "Too many failed sign-ins: this account is locked for 15 minutes.", "userName")]);
        }

        if (!result.Succeeded)
        {
            return Failed([new(PlatformCodes.InvalidCredentials, "The user name or password is wrong.", "password")]);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }

    private PageResult Failed(IReadOnlyList<OpenKP.Shared.Violation> violations)
    {
        Errors.Add(localizer, violations);
        Password = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
