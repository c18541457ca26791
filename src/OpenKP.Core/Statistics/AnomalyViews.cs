using OpenKP.Shared;

namespace OpenKP.Statistics;

/// <summary>
/// An anomaly as the API shows it: kind, unit and status in kebab case; <see cref="Measured"/> and the band in
/// the unit's natural scale (<c>usd-per-carat</c>, <c>carats</c>, <c>usd</c> with two decimals; <c>certificates</c>, <c>days</c> whole).
/// </summary>
public sealed record AnomalyView(
    long Id, string Kind, string Participant, int Year, string Period, string Subject, string Unit,
    decimal Measured, decimal? ExpectedLow, decimal? ExpectedHigh, string Details, string Status, DateTime DetectedAt, DateTime? ResolvedAt)
{
    public static AnomalyView Of(Anomaly a) => new(
        a.Id, Input.Kebab(a.Kind), a.ParticipantCode, a.Year, a.Period, a.Subject, UnitName(a.Unit),
        Scale(a.Unit, a.Measured), a.ExpectedLow is { } l ? Scale(a.Unit, l) : null, a.ExpectedHigh is { } h ? Scale(a.Unit, h) : null,
        a.Details, Input.Kebab(a.Status), a.DetectedAt, a.ResolvedAt);

    public static string UnitName(AnomalyUnit unit) => unit switch
    {
        AnomalyUnit.UsdCentsPerCarat => "usd-per-carat",
        AnomalyUnit.CaratsHundredths => "carats",
        AnomalyUnit.UsdCents => "usd",
        AnomalyUnit.Certificates => "certificates",
        _ => "days",
    };

    private static decimal Scale(AnomalyUnit unit, long value) => unit is AnomalyUnit.Certificates or AnomalyUnit.Days ? value : value / 100m;
}

/// <summary>The anomaly thresholds as the API shows and takes them: carats and US$ in units, not hundredths or cents.</summary>
public sealed record AnomalySettingsView(
    int OwnBandQuarters, int OwnBandMinimumQuarters, int BandWideningPercent, int PeerMinimumParticipants, int SupplyTolerancePercent,
    int PeriodChangePercent, int CertificateJumpPercent, decimal MinimumCarats, decimal MinimumUsd, int MinimumCertificates, int QuestionnaireDueDays,
    string? UpdatedBy, DateTime? UpdatedAt, Guid Version)
{
    public static AnomalySettingsView Of(AnomalySettings s) => new(
        s.OwnBandQuarters, s.OwnBandMinimumQuarters, s.BandWideningPercent, s.PeerMinimumParticipants, s.SupplyTolerancePercent,
        s.PeriodChangePercent, s.CertificateJumpPercent, s.MinimumCaratsHundredths / 100m, s.MinimumUsdCents / 100m, s.MinimumCertificates, s.QuestionnaireDueDays,
        s.UpdatedBy, s.UpdatedAt, s.Version);
}

public sealed record QuestionView(long Id, int Number, long? AnomalyId, string Text, string? Answer);

/// <summary>A Data Anomalies Questionnaire as the API shows it, with its questions and answers and every step's who and when.</summary>
public sealed record QuestionnaireView(
    long Id, string Participant, int Year, string Period, string Status, DateOnly DueOn, bool Overdue,
    string CreatedBy, DateTime CreatedAt, string? SentBy, DateTime? SentAt, string? AnsweredBy, DateTime? AnsweredAt,
    string? DecidedBy, DateTime? DecidedAt, string? DecisionNote, Guid Version, IReadOnlyList<QuestionView> Questions)
{
    public static QuestionnaireView Of(Questionnaire q, DateOnly today) => new(
        q.Id, q.ParticipantCode, q.Year, q.Period, Input.Kebab(q.Status), q.DueOn, IsOverdue(q, today),
        q.CreatedBy, q.CreatedAt, q.SentBy, q.SentAt, q.AnsweredBy, q.AnsweredAt, q.DecidedBy, q.DecidedAt, q.DecisionNote, q.Version,
        [.. q.Questions.OrderBy(x => x.Number).Select(x => new QuestionView(x.Id, x.Number, x.AnomalyId, x.Text, x.Answer))]);

    /// <summary>Sent (or escalated) and still unanswered after its due date: what puts a participant on the public list.</summary>
    public static bool IsOverdue(Questionnaire q, DateOnly today)
        => q.Status is QuestionnaireStatus.Sent or QuestionnaireStatus.Escalated && q.AnsweredAt is null && q.DueOn < today;
}

public sealed record DetectionView(int Year, int Found, int Added, int Changed, int Resolved);

public sealed record OverdueParticipantView(string Participant, string Name, DateOnly OverdueSince);
