namespace OpenKP.Compliance;

/// <summary>Stable violation codes of meetings and decisions; each is documented in docs/problems.md.</summary>
public static class DecisionCodes
{
    public const string NotFound = "decision-not-found";
    public const string NotDraft = "decision-not-draft";
    public const string TitleRequired = "decision-title-required";
    public const string TextRequired = "decision-text-required";
    public const string EffectiveBeforeAdoption = "decision-effective-before-adoption";
    public const string VotesRequired = "decision-votes-required";
    public const string VoteNotCarried = "decision-vote-not-carried";
    public const string WrittenProcedureNotOpen = "decision-written-procedure-not-open";
    public const string WrittenProcedureRunning = "decision-written-procedure-running";
    public const string WrittenProcedureObjected = "decision-written-procedure-objected";
    public const string MeetingNotFound = "decision-meeting-not-found";
    public const string WorkingBodyUnknown = "decision-working-body-unknown";
    public const string EffectParticipantUnknown = "decision-effect-participant-unknown";
    public const string EffectStatusRequired = "decision-effect-status-required";
    public const string EffectScopeRequired = "decision-effect-scope-required";
    public const string EffectZoneNameRequired = "decision-effect-zone-name-required";
    public const string EffectEndsBeforeStart = "decision-effect-ends-before-start";
    public const string EffectOriginInvalid = "decision-effect-origin-invalid";
    public const string AdoptedInFuture = "decision-adopted-in-future";
    public const string EffectStatusHasNoEnd = "decision-effect-status-has-no-end";
    public const string EffectParticipantWithdrawn = "decision-effect-participant-withdrawn";
    public const string NotWrittenProcedure = "decision-not-written-procedure";
    public const string ObjectionDeadlinePast = "decision-objection-deadline-past";
    public const string ObjectionTooLate = "decision-objection-too-late";
    public const string NotWithdrawable = "decision-not-withdrawable";
    public const string WhatIfNotApplicable = "decision-what-if-not-applicable";
}
