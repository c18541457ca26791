namespace OpenKP.Certificates;

/// <summary>
/// What a printed certificate shows: the signed content, the QR text that carries it, and what the
/// signed content does not hold (participants' names, where to verify, a void stamp).
/// </summary>
/// <param name="Certificate">The certificate exactly as signed.</param>
/// <param name="QrText">The <c>KP1:…</c> text of <see cref="CertificateQr.Sign"/> for <paramref name="Certificate"/>.</param>
/// <param name="IssuingParticipantName">The issuing participant's name, e.g. "Botswana".</param>
/// <param name="ImportingParticipantName">The importing participant's name, e.g. "United Arab Emirates".</param>
/// <param name="VerifyAddress">The verification page's address, printed under the QR, e.g. "https://openkp.example/verify".</param>
/// <param name="SecondLanguage">
/// Null for English only, or one of <see cref="CertificateLabels.SecondLanguages"/> ("fr"): every label and
/// the statement are then printed in English and that language.
/// </param>
/// <param name="Stamp">
/// A status stamped across every page in red, e.g. "VOID — replaced by AA-2026-000124"; null for a
/// certificate in force. The text before " — " is drawn largest.
/// </param>
public sealed record CertificatePrint(
    CertificateContent Certificate,
    string QrText,
    string IssuingParticipantName,
    string ImportingParticipantName,
    string VerifyAddress,
    string? SecondLanguage = null,
    string? Stamp = null)
{
    /// <summary>Names of the other countries the certificate mentions (origin, provenance), by code; a code without a name is printed alone.</summary>
    public IReadOnlyDictionary<string, string>? CountryNames { get; init; }

    /// <summary>"Botswana (BW)" for a participant or country code, or the code alone when no name is known.</summary>
    internal string Named(string code)
    {
        var name = code == Certificate.IssuingParticipant ? IssuingParticipantName
            : code == Certificate.Importer.Participant ? ImportingParticipantName
            : CountryNames?.GetValueOrDefault(code);
        return string.IsNullOrWhiteSpace(name) || name == code ? code : $"{name} ({code})";
    }
}
