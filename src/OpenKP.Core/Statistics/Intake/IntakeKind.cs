namespace OpenKP.Statistics.Intake;

/// <summary>What a template or an uploaded file holds; written in kebab case in routes and on the command line.</summary>
public enum IntakeKind
{
    /// <summary>Quarterly trade figures per flow, partner and HS code (<see cref="SubmissionKind.QuarterlyFigures"/>).</summary>
    QuarterlyFigures,
    /// <summary>One row per certificate line (<see cref="SubmissionKind.CertificateRecords"/>).</summary>
    CertificateRecords,
    /// <summary>A half year's production return: mining type, optional HS code, carats, US$.</summary>
    Production,
}

/// <summary>A column of a template: its name in the header row, whether every row needs a value, what it holds and an example.</summary>
public sealed record IntakeColumn(string Name, bool Required, string Meaning, string Example);

/// <summary>The columns of each kind of file, in template order.</summary>
public static class IntakeColumns
{
    public const string Flow = "flow";
    public const string Partner = "partner";
    public const string HsCode = "hs_code";
    public const string Carats = "carats";
    public const string Usd = "usd";
    public const string Certificates = "certificates";
    public const string CertificateNumber = "certificate_number";
    public const string Date = "date";
    public const string Origin = "origin";
    public const string Stones = "stones";
    public const string MiningType = "mining_type";

    public static IReadOnlyList<IntakeColumn> Of(IntakeKind kind) => kind switch
    {
        IntakeKind.QuarterlyFigures =>
        [
            new(Flow, true, "export or import", "export"),
            new(Partner, true, "the partner participant's code (ISO 3166-1 alpha-2, or EU)", "AE"),
            new(HsCode, true, "7102.10, 7102.21 or 7102.31", "7102.10"),
            new(Carats, true, "carats, at most two decimals, '.' as the decimal separator", "1250.50"),
            new(Usd, true, "US dollars, at most two decimals, '.' as the decimal separator", "312625.00"),
            new(Certificates, true, "the number of KP certificates, a whole number of 1 or more", "3"),
        ],
        IntakeKind.CertificateRecords =>
        [
            new(Flow, true, "export (a certificate you issued) or import (a certificate you received)", "export"),
            new(CertificateNumber, true, "the KP certificate number as printed", "BW-2026-000123"),
            new(Partner, true, "the importing participant of an export, the exporting participant of an import", "AE"),
            new(Date, true, "YYYY-MM-DD: the issue date of an export, the date of receipt of an import, inside the quarter", "2026-02-14"),
            new(Origin, false, "the country of origin (ISO 3166-1 alpha-2) or mixed; blank when not declared", "BW"),
            new(HsCode, true, "7102.10, 7102.21 or 7102.31", "7102.10"),
            new(Carats, true, "carats, at most two decimals, '.' as the decimal separator", "1250.50"),
            new(Usd, true, "US dollars, at most two decimals, '.' as the decimal separator", "312625.00"),
            new(Stones, false, "the number of stones, where declared", "412"),
        ],
        _ =>
        [
            new(MiningType, true, "industrial or artisanal-alluvial", "industrial"),
            new(HsCode, false, "7102.10, 7102.21 or 7102.31; blank when the return is not broken down by HS code", "7102.10"),
            new(Carats, true, "carats, at most two decimals, '.' as the decimal separator", "1250.50"),
            new(Usd, true, "US dollars, at most two decimals, '.' as the decimal separator", "312625.00"),
        ],
    };
}
