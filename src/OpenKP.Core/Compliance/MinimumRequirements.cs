namespace OpenKP.Compliance;

/// <summary>One minimum requirement of the KPCS an applicant must meet, by a stable code, in English and French, with its source.</summary>
public sealed record MinimumRequirement(string Code, string En, string Fr, string Source)
{
    public string Text(string language) => language.StartsWith("fr", StringComparison.OrdinalIgnoreCase) ? Fr : En;
}

/// <summary>
/// The checklist the Committee on Participation and Chairmanship assesses every application against: the
/// undertakings of the KPCS core document (Section III on export and import, Section IV on internal controls,
/// Annex I on the certificate, Annex III on statistics, Section VI on cooperation and transparency). Codes are
/// stable: they are stored with each assessment and never renamed or reused.
/// </summary>
public static class MinimumRequirements
{
    public static IReadOnlyList<MinimumRequirement> All { get; } =
    [
        new("legislation", "Laws or regulations implement and enforce the Certification Scheme, with dissuasive and proportional penalties.",
            "Des lois ou règlements mettent en œuvre et font respecter le Système de certification, avec des sanctions dissuasives et proportionnées.", "Section IV(d)"),
        new("authorities", "An importing authority and an exporting authority are designated.",
            "Une autorité d'importation et une autorité d'exportation sont désignées.", "Section IV(b)"),
        new("internal-controls", "A system of internal controls keeps conflict diamonds out of shipments exported and imported.",
            "Un système de contrôles internes élimine les diamants de la guerre des expéditions exportées et importées.", "Section IV(a), Annex II"),
        new("certificate", "Certificates are issued meeting the minimum requirements of Annex I.",
            "Les certificats délivrés satisfont aux exigences minimales de l'annexe I.", "Section III(a), Annex I"),
        new("export-controls", "Every export to a participant travels with a duly validated certificate, in a tamper-resistant sealed container.",
            "Toute exportation vers un participant est accompagnée d'un certificat dûment validé, dans un conteneur scellé inviolable.", "Section III(a), Section IV(c)"),
        new("import-controls", "Imports require a duly validated certificate, receipt is confirmed expeditiously and certificates are kept three years.",
            "Les importations exigent un certificat dûment validé, la réception est confirmée rapidement et les certificats sont conservés trois ans.", "Section III(b)"),
        new("non-participants", "No rough diamonds are imported from or exported to a non-participant.",
            "Aucun diamant brut n'est importé d'un non-participant ni exporté vers lui.", "Section III(c)"),
        new("statistics", "Official production, import and export data are collected, kept and submitted.",
            "Les données officielles de production, d'importation et d'exportation sont recueillies, conservées et transmises.", "Section IV(e), Annex III"),
        new("operator-licensing", "Mines, buyers, sellers and exporters are licensed and keep records.",
            "Les mines, acheteurs, vendeurs et exportateurs sont agréés et tiennent des registres.", "Annex II"),
        new("transparency", "Information on authorities, laws, procedures and statistics is shared through the Chair, with an annual report.",
            "Les informations sur les autorités, les lois, les procédures et les statistiques sont communiquées par l'intermédiaire de la présidence, avec un rapport annuel.", "Section VI"),
    ];

    public static MinimumRequirement? Find(string? code)
        => All.FirstOrDefault(r => string.Equals(r.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
