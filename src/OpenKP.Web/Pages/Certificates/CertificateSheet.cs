using OpenKP.Certificates;
using OpenKP.Registry;
using OpenKP.Web.Portal;

namespace OpenKP.Web.Pages.Certificates;

/// <summary>
/// What a certificate states, ready for the shared sheet (<c>_CertificateSheet</c>): the certificate page shows a
/// stored certificate, the verify page a decoded one, both as the signed content says.
/// </summary>
public sealed record CertificateSheet(DecodedCertificateView Certificate, IReadOnlyDictionary<string, (string En, string Fr)> Names)
{
    public static CertificateSheet Of(DecodedCertificateView certificate, RegistrySnapshot registry)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(registry);
        var codes = new[] { certificate.IssuingParticipant, certificate.ImportingParticipant, certificate.Origin, certificate.Provenance };
        var names = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var code in codes.OfType<string>().Distinct())
        {
            if (registry.Find(code) is { } p)
            {
                names[code] = (p.NameEn, p.NameFr);
            }
        }

        return new CertificateSheet(certificate, names);
    }

    /// <summary>A participant's name in the reader's language, or the code itself when the registry does not know it.</summary>
    public string Name(string code) => Names.TryGetValue(code, out var n) ? PortalText.Name(n.En, n.Fr) : code;

    /// <summary>An SVG document as an element to inline in the page: no XML prolog, hidden from screen readers (the figure is labelled).</summary>
    public static string InlineSvg(string svg)
    {
        ArgumentNullException.ThrowIfNull(svg);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start < 0 ? string.Empty : "<svg aria-hidden=\"true\" focusable=\"false\"" + svg[(start + 4)..];
    }
}
