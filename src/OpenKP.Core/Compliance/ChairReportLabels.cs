using System.Globalization;

namespace OpenKP.Compliance;

/// <summary>
/// The Chair's report's fixed text — headings, labels and the sentences that carry the figures — in English and
/// French, and the numbers and dates as each language writes them (en: 1,234.56 and 31 December 2025; fr:
/// 1 234,56 with a no-break space and 31 décembre 2025). A language is added by adding a column to <see cref="Row"/>.
/// </summary>
public static class ChairReportLabels
{
    /// <summary>The languages the report is written and rendered in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "fr"];

    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language);

    public static bool IsFrench(string? language) => string.Equals(language, "fr", StringComparison.Ordinal);

    private static readonly NumberFormatInfo En = CultureInfo.InvariantCulture.NumberFormat;

    private static readonly NumberFormatInfo Fr = new() { NumberGroupSeparator = "\u00A0", NumberDecimalSeparator = ",", NegativeSign = "-" };

    private static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] MonthsFr = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

    /// <summary>A whole number: 1,234 (en) or 1 234 (fr).</summary>
    public static string Count(long value, string language) => value.ToString("N0", IsFrench(language) ? Fr : En);

    /// <summary>An amount stored in hundredths (carats, cents), with two decimals: 1,234.56 (en) or 1 234,56 (fr).</summary>
    public static string Hundredths(long value, string language) => (value / 100m).ToString("N2", IsFrench(language) ? Fr : En);

    /// <summary>A date as the language writes it: 31 December 2025, 31 décembre 2025.</summary>
    public static string Date(DateOnly date, string language)
        => string.Create(CultureInfo.InvariantCulture, $"{date.Day} {(IsFrench(language) ? MonthsFr : MonthsEn)[date.Month - 1]} {date.Year}");

    internal sealed record Row(string En, string Fr)
    {
        public string In(string language) => IsFrench(language) ? Fr : En;

        /// <summary>The row's text with its placeholders ({0}, {1} …) filled.</summary>
        public string In(string language, params object[] values) => string.Format(CultureInfo.InvariantCulture, In(language), values);
    }

    internal static readonly Row Title = new("Report of the Kimberley Process Chair to the General Assembly", "Rapport de la présidence du Processus de Kimberley à l'Assemblée générale");
    internal static readonly Row Subtitle = new("Implementation of the Kimberley Process Certification Scheme in {0}", "Mise en œuvre du Système de certification du Processus de Kimberley en {0}");
    internal static readonly Row Draft = new("DRAFT — not issued; the figures are those of {0}", "PROJET — non publié ; chiffres au {0}");
    internal static readonly Row IssuedOn = new("Issued on {0}", "Publié le {0}");

    internal static readonly Row Introduction = new("I. Introduction", "I. Introduction");
    internal static readonly Row Implementation = new("II. Implementation of the Kimberley Process Certification Scheme", "II. Mise en œuvre du Système de certification du Processus de Kimberley");
    internal static readonly Row Participation = new("Participation", "Participation");
    internal static readonly Row Chairmanship = new("Chairmanship", "Présidence");
    internal static readonly Row MeetingsAndDecisions = new("Meetings and decisions", "Réunions et décisions");
    internal static readonly Row PeerReview = new("Peer review", "Examen par les pairs");
    internal static readonly Row StatisticsAndReports = new("Statistics and annual reports", "Statistiques et rapports annuels");
    internal static readonly Row WorkingBodies = new("Working groups and committees", "Groupes de travail et comités");
    internal static readonly Row Compliance = new("Compliance", "Respect des exigences");
    internal static readonly Row Cooperation = new("III. Cooperation with the United Nations and the World Customs Organization", "III. Coopération avec l'Organisation des Nations Unies et l'Organisation mondiale des douanes");
    internal static readonly Row Recommendations = new("IV. Recommendations", "IV. Recommandations");
    internal static readonly Row Outlook = new("V. Outlook", "V. Perspectives");

    internal static readonly Row ParticipantsSentence = new(
        "On {0} the Kimberley Process had {1} participants representing {2} countries, the European Union counting for its {3} member states.",
        "Au {0}, le Processus de Kimberley comptait {1} participants représentant {2} pays, l'Union européenne comptant pour ses {3} États membres.");
    internal static readonly Row ParticipantsSentenceNoEu = new(
        "On {0} the Kimberley Process had {1} participants representing {2} countries.",
        "Au {0}, le Processus de Kimberley comptait {1} participants représentant {2} pays.");
    internal static readonly Row AdmissionsSentence = new("Admitted during the year ({0}):", "Admis au cours de l'année ({0}) :");
    internal static readonly Row NoAdmissions = new("No participant was admitted during the year.", "Aucun participant n'a été admis au cours de l'année.");
    internal static readonly Row StatusChangesSentence = new("Changes of standing during the year:", "Changements de statut au cours de l'année :");
    internal static readonly Row ChairSentence = new("{0} chaired the Kimberley Process in {1}.", "{0} a assuré la présidence du Processus de Kimberley en {1}.");
    internal static readonly Row ChairPersonSentence = new("The Chair was held by {0}.", "La présidence a été exercée par {0}.");
    internal static readonly Row ViceChairSentence = new("{0} was Vice-Chair and chairs the Process in {1}.", "{0} a assuré la vice-présidence et préside le Processus en {1}.");
    internal static readonly Row NoChair = new("No chairmanship is recorded for {0}.", "Aucune présidence n'est enregistrée pour {0}.");
    internal static readonly Row MeetingsSentence = new("Meetings held ({0}):", "Réunions tenues ({0}) :");
    internal static readonly Row NoMeetings = new("No meeting is recorded for the year.", "Aucune réunion n'est enregistrée pour l'année.");
    internal static readonly Row DecisionsSentence = new("Administrative decisions adopted during the year ({0}):", "Décisions administratives adoptées au cours de l'année ({0}) :");
    internal static readonly Row NoDecisions = new("No administrative decision was adopted during the year.", "Aucune décision administrative n'a été adoptée au cours de l'année.");
    internal static readonly Row DecisionNumber = new("Number", "Numéro");
    internal static readonly Row DecisionTitle = new("Title", "Titre");
    internal static readonly Row DecisionAdopted = new("Adopted on", "Adoptée le");
    internal static readonly Row ReviewsSentence = new("Review visits and missions held during the year ({0}):", "Visites et missions d'examen tenues au cours de l'année ({0}) :");
    internal static readonly Row NoReviews = new("No review visit or mission was held during the year.", "Aucune visite ni mission d'examen n'a eu lieu au cours de l'année.");
    internal static readonly Row Visit = new("review visit", "visite d'examen");
    internal static readonly Row Mission = new("review mission", "mission d'examen");
    internal static readonly Row ReviewItem = new("{0}: {1}, {2} to {3}; {4}; {5} recommendations", "{0} : {1}, du {2} au {3} ; {4} ; {5} recommandations");
    internal static readonly Row FinalReport = new("final report issued", "rapport final publié");
    internal static readonly Row NoFinalReport = new("report in preparation", "rapport en préparation");
    internal static readonly Row AnnualReportsSentence = new(
        "{0} of the {1} annual reports due on implementation in {2} were received ({3} assessed by the Working Group on Monitoring).",
        "{0} des {1} rapports annuels attendus sur la mise en œuvre en {2} ont été reçus ({3} évalués par le Groupe de travail sur le suivi).");
    internal static readonly Row AnnualReportsMissing = new("Not received: {0}.", "Non reçus : {0}.");
    internal static readonly Row WorldSentencePublished = new(
        "World figures for {0}, as published (vintage {1}):",
        "Chiffres mondiaux pour {0}, tels que publiés (version {1}) :");
    internal static readonly Row WorldSentenceLive = new(
        "World figures for {0}, provisional (not yet published):",
        "Chiffres mondiaux pour {0}, provisoires (non encore publiés) :");
    internal static readonly Row Figure = new("Figure", "Donnée");
    internal static readonly Row Carats = new("Carats", "Carats");
    internal static readonly Row Usd = new("Value (US$)", "Valeur (USD)");
    internal static readonly Row Production = new("Production", "Production");
    internal static readonly Row Exports = new("Exports", "Exportations");
    internal static readonly Row Imports = new("Imports", "Importations");
    internal static readonly Row CertificatesSentence = new("{0} Kimberley Process certificates were issued for exports.", "{0} certificats du Processus de Kimberley ont été délivrés pour des exportations.");
    internal static readonly Row NoOutcomes = new("No outcome of a working group or committee is recorded for the year.", "Aucun résultat de groupe de travail ou de comité n'est enregistré pour l'année.");
    internal static readonly Row ComplianceSentence = new(
        "{0} non-compliance cases were open on {1}; of the recommendations of peer reviews, {2} are being implemented and {3} have been implemented.",
        "{0} dossiers de non-respect étaient ouverts au {1} ; parmi les recommandations des examens par les pairs, {2} sont en cours de mise en œuvre et {3} ont été mises en œuvre.");

    internal static readonly Row Suspended = new("suspended", "suspendu");
    internal static readonly Row SelfSuspended = new("self-suspended", "auto-suspendu");
    internal static readonly Row SpecialMeasures = new("special measures", "mesures spéciales");
    internal static readonly Row Withdrawn = new("withdrawn", "retiré");
    internal static readonly Row StatusItem = new("{0}: {1} from {2}", "{0} : {1} à compter du {2}");

    internal static readonly Row Plenary = new("plenary", "plénière");
    internal static readonly Row Intersessional = new("intersessional meeting", "réunion intersessions");
    internal static readonly Row MeetingItem = new("{0} ({1}), {2}, {3} to {4}", "{0} ({1}), {2}, du {3} au {4}");

    // Default narrative, used where the secretariat wrote none.
    internal static readonly Row DefaultIntroduction = new(
        "This report is submitted by {0}, Chair of the Kimberley Process for {1}, in accordance with the General Assembly's request to report on the implementation of the Kimberley Process Certification Scheme. It covers the year {1}.",
        "Le présent rapport est présenté par {0}, présidence du Processus de Kimberley pour {1}, comme l'a demandé l'Assemblée générale, sur la mise en œuvre du Système de certification du Processus de Kimberley. Il porte sur l'année {1}.");
    internal static readonly Row TheChair = new("the Chair", "la présidence");
    internal static readonly Row DefaultImplementation = new(
        "Participants continued to implement the minimum requirements of the Scheme. {0} administrative decisions were adopted and {1} review visits and missions were held during the year.",
        "Les participants ont continué d'appliquer les exigences minimales du Système. {0} décisions administratives ont été adoptées et {1} visites et missions d'examen ont eu lieu au cours de l'année.");
    internal static readonly Row DefaultCooperation = new(
        "The Kimberley Process continued to cooperate with the United Nations, including the sanctions committees of the Security Council, and with the World Customs Organization on the classification of rough diamonds in the Harmonized System.",
        "Le Processus de Kimberley a poursuivi sa coopération avec l'Organisation des Nations Unies, notamment les comités des sanctions du Conseil de sécurité, et avec l'Organisation mondiale des douanes sur le classement des diamants bruts dans le Système harmonisé.");
    internal static readonly Row DefaultRecommendations = new(
        "The Kimberley Process invites the General Assembly to continue to support the Certification Scheme, and its participants to submit their annual reports and statistics on time and to implement the {0} open recommendations of peer reviews.",
        "Le Processus de Kimberley invite l'Assemblée générale à continuer d'appuyer le Système de certification, et ses participants à présenter leurs rapports annuels et leurs statistiques dans les délais et à mettre en œuvre les {0} recommandations des examens par les pairs encore ouvertes.");
    internal static readonly Row DefaultOutlook = new(
        "{0} will chair the Kimberley Process in {1}.",
        "{0} présidera le Processus de Kimberley en {1}.");
    internal static readonly Row DefaultOutlookNoViceChair = new(
        "The Kimberley Process will continue its work in {0}.",
        "Le Processus de Kimberley poursuivra ses travaux en {0}.");
}
