namespace OpenKP.Certificates;

/// <summary>
/// The printed certificate's fixed text, in English and in a second language. Each entry is a row of
/// the table below (English, French); a language is added by adding a column to <see cref="Row"/>, its
/// code to <see cref="SecondLanguages"/> and a case to <see cref="Row.In"/>.
/// </summary>
public static class CertificateLabels
{
    /// <summary>The second languages a certificate can be printed in besides English (ISO 639-1 codes).</summary>
    public static IReadOnlyList<string> SecondLanguages { get; } = ["fr"];

    /// <summary>True for null (English only) and for each of <see cref="SecondLanguages"/>.</summary>
    public static bool IsSupported(string? language) => language is null || SecondLanguages.Contains(language);

    internal static readonly Row Scheme = new("Kimberley Process Certification Scheme", "Système de certification du Processus de Kimberley");
    internal static readonly Row Title = new(CertificateContent.Title, "Certificat du Processus de Kimberley");
    internal static readonly Row Number = new("Certificate no.", "Certificat n°");
    internal static readonly Row IssuingParticipant = new("Issuing participant", "Participant émetteur");
    internal static readonly Row IssuingAuthority = new("Issuing authority", "Autorité émettrice");
    internal static readonly Row Exporter = new("Exporter", "Exportateur");
    internal static readonly Row Importer = new("Importer", "Importateur");
    internal static readonly Row Licence = new("Licence no.", "Licence n°");
    internal static readonly Row ImportingParticipant = new("Participant", "Participant");
    internal static readonly Row Origin = new("Country of origin", "Pays d'origine");
    internal static readonly Row Mixed = new("Mixed", "Origine mixte");
    internal static readonly Row Provenance = new("Country of provenance", "Pays de provenance");
    internal static readonly Row OriginZone = new("Origin zone", "Zone d'origine");
    internal static readonly Row Goods = new("Rough diamonds", "Diamants bruts");
    internal static readonly Row HsCode = new("HS code", "Code SH");
    internal static readonly Row Description = new("Description", "Description");
    internal static readonly Row Carats = new("Carats", "Carats");
    internal static readonly Row Value = new("Value (US$)", "Valeur (USD)");
    internal static readonly Row Total = new("Total", "Total");
    internal static readonly Row Parcels = new("Number of parcels", "Nombre de colis");
    internal static readonly Row IssuedOn = new("Date of issue", "Date de délivrance");
    internal static readonly Row ExpiresOn = new("Date of expiry", "Date d'expiration");
    internal static readonly Row Seals = new("Seal numbers", "Numéros des scellés");
    internal static readonly Row Containers = new("Container numbers", "Numéros des conteneurs");
    internal static readonly Row QualityNotes = new("Quality notes", "Remarques sur la qualité");
    internal static readonly Row Replaces = new("Replaces certificate", "Remplace le certificat");
    internal static readonly Row Statement = new(CertificateContent.Statement,
        "Les diamants bruts de cette expédition ont été traités conformément aux dispositions du Système de " +
        "certification du Processus de Kimberley pour les diamants bruts.");
    internal static readonly Row Authentication = new("Signature and stamp of the issuing authority", "Signature et cachet de l'autorité émettrice");
    internal static readonly Row SignedFor = new("For", "Pour");
    internal static readonly Row NameAndTitle = new("Name and title", "Nom et fonction");
    internal static readonly Row Signature = new("Signature", "Signature");
    internal static readonly Row Date = new("Date", "Date");
    internal static readonly Row Stamp = new("Official stamp", "Cachet officiel");
    internal static readonly Row ScanToVerify = new("Scan to verify", "Scanner pour vérifier");
    internal static readonly Row VerifyAt = new("Verify at", "Vérifier sur");
    internal static readonly Row Page = new("Page", "Page");
    internal static readonly Row Of = new("of", "sur");
    internal static readonly Row Continued = new("continued", "suite");
    internal static readonly Row Footer = new(
        "The QR code carries this certificate signed by the issuing authority: scan it to check that the printed text is authentic.",
        "Le code QR contient ce certificat signé par l'autorité émettrice : scannez-le pour vérifier l'authenticité du texte imprimé.");

    /// <summary>The HS codes' descriptions (Harmonized System heading 71.02, rough diamonds).</summary>
    internal static Row HsDescription(string hsCode) => hsCode switch
    {
        "7102.10" => new("Unsorted", "Non triés"),
        "7102.21" => new("Industrial", "Industriels"),
        "7102.31" => new("Non-industrial", "Non industriels"),
        _ => new(hsCode, hsCode),
    };

    /// <summary>One label in every language. English is always printed; a second language follows it.</summary>
    internal sealed record Row(string En, string Fr)
    {
        /// <summary>The text in <paramref name="language"/> (null: English).</summary>
        public string In(string? language) => language switch
        {
            null => En,
            "fr" => Fr,
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, $"No certificate labels in '{language}'; available: {string.Join(", ", SecondLanguages)}."),
        };

        /// <summary>"Exporter / Exportateur"; the English alone when there is no second language or it reads the same.</summary>
        public string Both(string? language) => language is null || In(language) == En ? En : $"{En} / {In(language)}";
    }
}
