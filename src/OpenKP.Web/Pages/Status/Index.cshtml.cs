using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace OpenKP.Web.Pages.Status;

/// <summary>
/// The HTML page for an error status (404, 403, 500 …), in the layout and the reader's language.
/// The platform re-runs failed page requests here, whatever their method; the cookie handler redirects here on 403.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class IndexModel : PageModel
{
    public int Code { get; private set; }

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
        Response.StatusCode = Code;
    }

    /// <summary>The resource key prefix for this status: <c>Error403</c>, <c>Error404</c>, <c>Error413</c>, <c>Error429</c>, <c>Error500</c> for any 5xx, else <c>ErrorOther</c>.</summary>
    public string Key => Code switch
    {
        403 => "Error403",
        404 => "Error404",
        413 => "Error413",
        429 => "Error429",
        >= 500 => "Error500",
        _ => "ErrorOther",
    };
}
