using OpenKP.Shared;

namespace OpenKP.Compliance;

/// <summary>
/// A non-compliance case as a reader sees it. Every shared reader (secretariat, authority officers, observers)
/// sees the summary, status, measure and decision; the secretariat and the participant concerned see it in full
/// (<see cref="Full"/>: its <see cref="Steps"/> and <see cref="WorkPlan"/>, null otherwise). <see cref="Status"/>
/// is <c>decided</c> as soon as the proposed decision is adopted, however it was adopted.
/// </summary>
public sealed record ComplianceCaseView(
    long Id, string Participant, string Source, long? SourceId, string Title, string Summary, string Status,
    string Measure, string? MeasureScope, string? MeasureReason,
    long? DecisionId, string? DecisionNumber, string? DecisionStatus, DateOnly? DecisionEffectiveOn,
    string? Outcome, string OpenedBy, DateTime OpenedAt, DateTime? ClosedAt, bool Full, Guid Version,
    IReadOnlyList<ComplianceCaseStepView>? Steps, IReadOnlyList<WorkPlanItemView>? WorkPlan)
{
    /// <remarks>A reader who does not see the case in full learns of its decision once adopted, not while it is drafted.</remarks>
    internal static ComplianceCaseView Of(ComplianceCase c, Decision? decision, bool full, DateOnly today)
    {
        var shown = full || decision?.Status == Compliance.DecisionStatus.Adopted ? decision : null;
        return Of(c, decision, shown, full, today);
    }

    private static ComplianceCaseView Of(ComplianceCase c, Decision? decision, Decision? shown, bool full, DateOnly today) => new(
        c.Id, c.ParticipantCode, Input.Kebab(c.Source), c.SourceId, c.Title, c.Summary, Input.Kebab(ComplianceCaseDesk.EffectiveStatus(c, decision)),
        Input.Kebab(c.RecommendedMeasure), c.MeasureScope, c.MeasureReason,
        shown is null ? null : c.DecisionId, shown?.Number, shown is null ? null : Input.Kebab(shown.Status), shown?.EffectiveOn,
        c.Outcome, c.OpenedBy, c.OpenedAt, c.ClosedAt, full, c.Version,
        full ? [.. c.Steps.OrderBy(s => s.On).ThenBy(s => s.Id).Select(s => new ComplianceCaseStepView(s.Id, Input.Kebab(s.Kind), s.On, s.Text, s.By, s.At))] : null,
        full ? [.. c.WorkPlan.OrderBy(w => w.DueOn).ThenBy(w => w.Id).Select(w => new WorkPlanItemView(w.Id, w.Text, w.DueOn, Input.Kebab(w.Status), w.DoneOn, w.Status == WorkPlanItemStatus.Open && w.DueOn < today, w.Version))] : null);
}

/// <summary>A dated step of a case: <c>consultation</c>, <c>letter</c>, <c>meeting</c> or <c>note</c>, and who recorded it.</summary>
public sealed record ComplianceCaseStepView(long Id, string Kind, DateOnly On, string Text, string By, DateTime At);

/// <summary>An action of the work plan: <c>open</c>, <c>done</c> or <c>missed</c>; <see cref="Overdue"/> when open past its deadline.</summary>
public sealed record WorkPlanItemView(long Id, string Text, DateOnly DueOn, string Status, DateOnly? DoneOn, bool Overdue, Guid Version);
