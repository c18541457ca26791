using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenKP.Registry;
using OpenKP.Web.Registry;

namespace OpenKP.Web.Pages.Observers;

/// <summary>The organisations that observe the scheme, current ones first.</summary>
public sealed class IndexModel(RegistryQueries registry, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ObserverView> Observers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
        => Observers = [.. (await registry.ObserversAsync(clock.Today(), ct)).OrderByDescending(o => o.Current)];
}
