namespace OpenKP.Statistics;

/// <summary>Stable codes of anomalies and Data Anomalies Questionnaires, documented in docs/problems.md; never renamed or reused.</summary>
public static class AnomalyCodes
{
    public const string AnomalyNotFound = "anomaly-not-found";
    public const string SettingOutOfRange = "anomaly-setting-out-of-range";
    public const string SettingsChanged = "anomaly-settings-changed";
    public const string DetectionConflict = "anomaly-detection-conflict";

    public const string QuestionnaireNotFound = "questionnaire-not-found";
    public const string QuestionnaireChanged = "questionnaire-changed";
    public const string QuestionnaireWrongStatus = "questionnaire-wrong-status";
    public const string AnomaliesMixed = "questionnaire-anomalies-mixed";
    public const string AnomalyAlreadyAsked = "questionnaire-anomaly-already-asked";
    public const string NoQuestions = "questionnaire-no-questions";
    public const string DueInPast = "questionnaire-due-in-past";
    public const string AnswerRequired = "questionnaire-answer-required";
    public const string UnknownQuestion = "questionnaire-unknown-question";
}
