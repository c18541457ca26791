namespace OpenKP.Web;

/// <summary>
/// Marker for the portal's texts: <c>Resources/SharedResource.resx</c> (English), <c>.fr.resx</c>, <c>.zh.resx</c>.
/// Inject <c>IStringLocalizer&lt;SharedResource&gt;</c>. It lives in the root namespace so the resource
/// files sit directly under <c>Resources/</c>.
/// </summary>
public sealed class SharedResource;
