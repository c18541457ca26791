using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenKP.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceFoundation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DecisionId",
                table: "zones",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "decision_id",
                table: "status_events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "decision_id",
                table: "embargoes",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LegalFramework = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    InternalControls = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ArtisanalAlluvial = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    StatisticsSummary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Enforcement = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Cooperation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SystemOfWarranties = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Challenges = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AssessmentComments = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CompletenessScore = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_annual_reports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_annual_reports_participants_ParticipantCode",
                        column: x => x.ParticipantCode,
                        principalTable: "participants",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "body_memberships",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ObserverName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_body_memberships", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "body_outcomes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BodyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_body_outcomes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chair_reports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IssuedSnapshot = table.Column<string>(type: "TEXT", maxLength: 1000000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chair_reports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chairmanships",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ChairParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ViceChairParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ChairPerson = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chairmanships", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "deadline_reminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_deadline_reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChairParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_meetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "chair_report_sections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReportId = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_chair_report_sections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_chair_report_sections_chair_reports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "chair_reports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Procedure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MeetingId = table.Column<long>(type: "INTEGER", nullable: true),
                    WorkingBodyCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    AdoptedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "INTEGER", nullable: true),
                    ObjectionDeadline = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Objections = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AdoptedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decisions_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "admission_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ApplicantNameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ApplicantNameFr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Legislation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Authorities = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    InternalControls = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    VisitOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    VisitReport = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Recommendation = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admission_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_admission_applications_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "compliance_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceId = table.Column<long>(type: "INTEGER", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RecommendedMeasure = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    MeasureScope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    MeasureReason = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_compliance_cases_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_compliance_cases_participants_ParticipantCode",
                        column: x => x.ParticipantCode,
                        principalTable: "participants",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "decision_effects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ZoneName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    GovernmentCertifiedExempt = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AppliedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decision_effects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_decision_effects_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "peer_reviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    InvitedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DecisionId = table.Column<long>(type: "INTEGER", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TermsOfReference = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    DraftReport = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DraftIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ParticipantComments = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CommentedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinalReport = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FinalIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_peer_reviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_peer_reviews_decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_peer_reviews_participants_ParticipantCode",
                        column: x => x.ParticipantCode,
                        principalTable: "participants",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "admission_checklist_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    RequirementCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Assessment = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admission_checklist_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_admission_checklist_items_admission_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "admission_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "admission_documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_admission_documents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_admission_documents_admission_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "admission_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "compliance_case_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_case_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_compliance_case_steps_compliance_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "compliance_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "work_plan_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_plan_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_work_plan_items_compliance_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "compliance_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendations_peer_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "peer_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_team_members",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ObserverName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsLeader = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_team_members", x => x.Id);
                    table.ForeignKey(
                        name: "FK_review_team_members_peer_reviews_ReviewId",
                        column: x => x.ReviewId,
                        principalTable: "peer_reviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recommendation_updates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecommendationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_recommendation_updates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_recommendation_updates_recommendations_RecommendationId",
                        column: x => x.RecommendationId,
                        principalTable: "recommendations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_admission_applications_ApplicantCode",
                table: "admission_applications",
                column: "ApplicantCode");

            migrationBuilder.CreateIndex(
                name: "IX_admission_applications_DecisionId",
                table: "admission_applications",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_admission_checklist_items_ApplicationId_RequirementCode",
                table: "admission_checklist_items",
                columns: new[] { "ApplicationId", "RequirementCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_admission_documents_ApplicationId",
                table: "admission_documents",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_ParticipantCode_Year",
                table: "annual_reports",
                columns: new[] { "ParticipantCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_annual_reports_Year_Status",
                table: "annual_reports",
                columns: new[] { "Year", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_body_memberships_BodyCode_Year",
                table: "body_memberships",
                columns: new[] { "BodyCode", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_body_outcomes_BodyCode_Year",
                table: "body_outcomes",
                columns: new[] { "BodyCode", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chair_report_sections_ReportId_Key_Language",
                table: "chair_report_sections",
                columns: new[] { "ReportId", "Key", "Language" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_chair_reports_Year",
                table: "chair_reports",
                column: "Year",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_compliance_case_steps_CaseId",
                table: "compliance_case_steps",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_cases_DecisionId",
                table: "compliance_cases",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_cases_ParticipantCode_Status",
                table: "compliance_cases",
                columns: new[] { "ParticipantCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_deadline_reminders_Kind_SubjectId_Stage",
                table: "deadline_reminders",
                columns: new[] { "Kind", "SubjectId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decision_effects_DecisionId",
                table: "decision_effects",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_decision_effects_ParticipantCode",
                table: "decision_effects",
                column: "ParticipantCode");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_MeetingId",
                table: "decisions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Number",
                table: "decisions",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_Status_AdoptedOn",
                table: "decisions",
                columns: new[] { "Status", "AdoptedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_meetings_StartsOn",
                table: "meetings",
                column: "StartsOn");

            migrationBuilder.CreateIndex(
                name: "IX_peer_reviews_DecisionId",
                table: "peer_reviews",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_peer_reviews_ParticipantCode_StartsOn",
                table: "peer_reviews",
                columns: new[] { "ParticipantCode", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendation_updates_RecommendationId",
                table: "recommendation_updates",
                column: "RecommendationId");

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_ParticipantCode_Status",
                table: "recommendations",
                columns: new[] { "ParticipantCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_recommendations_ReviewId_Number",
                table: "recommendations",
                columns: new[] { "ReviewId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_review_team_members_ReviewId",
                table: "review_team_members",
                column: "ReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_items_CaseId",
                table: "work_plan_items",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_work_plan_items_Status_DueOn",
                table: "work_plan_items",
                columns: new[] { "Status", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "admission_checklist_items");

            migrationBuilder.DropTable(
                name: "admission_documents");

            migrationBuilder.DropTable(
                name: "annual_reports");

            migrationBuilder.DropTable(
                name: "body_memberships");

            migrationBuilder.DropTable(
                name: "body_outcomes");

            migrationBuilder.DropTable(
                name: "chair_report_sections");

            migrationBuilder.DropTable(
                name: "chairmanships");

            migrationBuilder.DropTable(
                name: "compliance_case_steps");

            migrationBuilder.DropTable(
                name: "deadline_reminders");

            migrationBuilder.DropTable(
                name: "decision_effects");

            migrationBuilder.DropTable(
                name: "recommendation_updates");

            migrationBuilder.DropTable(
                name: "review_team_members");

            migrationBuilder.DropTable(
                name: "work_plan_items");

            migrationBuilder.DropTable(
                name: "admission_applications");

            migrationBuilder.DropTable(
                name: "chair_reports");

            migrationBuilder.DropTable(
                name: "recommendations");

            migrationBuilder.DropTable(
                name: "compliance_cases");

            migrationBuilder.DropTable(
                name: "peer_reviews");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "meetings");

            migrationBuilder.DropColumn(
                name: "DecisionId",
                table: "zones");

            migrationBuilder.DropColumn(
                name: "decision_id",
                table: "status_events");

            migrationBuilder.DropColumn(
                name: "decision_id",
                table: "embargoes");
        }
    }
}
