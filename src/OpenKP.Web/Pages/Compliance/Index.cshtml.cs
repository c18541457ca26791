using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Compliance;
using OpenKP.Web.Compliance;

namespace OpenKP.Web.Pages.Compliance;

/// <summary>The compliance hub: the pieces of compliance work this reader may open.</summary>
public sealed class IndexModel : PageModel
{
    internal ComplianceReader Reader { get; private set; } = ComplianceReader.Anonymous;

    public void OnGet() => Reader = ComplianceReaders.Of(User);
}
