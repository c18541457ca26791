namespace OpenKP.Compliance;

/// <summary>Stable violation codes of the Chair's annual report to the UN General Assembly; each is documented in docs/problems.md.</summary>
public static class ChairReportCodes
{
    public const string NotFound = "chair-report-not-found";
    public const string Exists = "chair-report-exists";
    public const string YearInFuture = "chair-report-year-in-future";
    public const string Issued = "chair-report-issued";
    public const string Changed = "chair-report-changed";
    public const string SectionUnknown = "chair-report-section-unknown";
    public const string LanguageUnsupported = "chair-report-language-unsupported";
    public const string FormatUnsupported = "chair-report-format-unsupported";
    public const string SecretariatOnly = "chair-report-secretariat-only";
}
