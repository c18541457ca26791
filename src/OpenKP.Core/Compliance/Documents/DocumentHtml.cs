using System.Text;

namespace OpenKP.Compliance.Documents;

/// <summary>Renders a <see cref="ComplianceDocument"/> as one self-contained HTML page (inline style, no script), for download and print.</summary>
public static class DocumentHtml
{
    private const string Style = "body{font-family:'DejaVu Sans',Arial,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b;line-height:1.5}"
        + "h1{color:#1f2a44;font-size:1.6rem}h2{color:#1f2a44;font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccd}h3{font-size:1.05rem}"
        + "table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border:1px solid #ccd;padding:.3rem .5rem;text-align:left}th{background:#eef}td.n{text-align:right;font-variant-numeric:tabular-nums}"
        + ".subtitle{color:#555}";

    public static string Render(ComplianceDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(E(document.Language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(E(document.Title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n<h1>").Append(E(document.Title)).Append("</h1>\n");
        if (document.Subtitle is { Length: > 0 } subtitle)
        {
            html.Append("<p class=\"subtitle\">").Append(E(subtitle)).Append("</p>\n");
        }

        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case DocumentHeading h:
                    var tag = h.Level <= 1 ? "h2" : "h3";
                    html.Append('<').Append(tag).Append('>').Append(E(h.Text)).Append("</").Append(tag).Append(">\n");
                    break;
                case DocumentParagraph p:
                    html.Append("<p>").Append(E(p.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
                    break;
                case DocumentBullets b:
                    html.Append("<ul>\n");
                    foreach (var item in b.Items)
                    {
                        html.Append("<li>").Append(E(item)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                    break;
                case DocumentTable t:
                    html.Append("<table>\n<thead><tr>");
                    foreach (var head in t.Header)
                    {
                        html.Append("<th scope=\"col\">").Append(E(head)).Append("</th>");
                    }

                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        for (var i = 0; i < row.Count; i++)
                        {
                            html.Append(t.NumericColumns?.Contains(i) == true ? "<td class=\"n\">" : "<td>").Append(E(row[i])).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
            }
        }

        return html.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>Escapes markup only: the page is UTF-8, so accented and Chinese text stays readable in the source.</summary>
    private static string E(string s) => s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
