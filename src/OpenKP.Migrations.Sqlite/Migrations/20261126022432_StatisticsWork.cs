using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenKP.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "anomaly_questionnaires",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AnsweredBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anomaly_questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "anomaly_settings",
                columns: table => new
                {
                    Scheme = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    OwnBandQuarters = table.Column<int>(type: "INTEGER", nullable: false),
                    OwnBandMinimumQuarters = table.Column<int>(type: "INTEGER", nullable: false),
                    BandWideningPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    PeerMinimumParticipants = table.Column<int>(type: "INTEGER", nullable: false),
                    SupplyTolerancePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodChangePercent = table.Column<int>(type: "INTEGER", nullable: false),
                    CertificateJumpPercent = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    MinimumUsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    MinimumCertificates = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionnaireDueDays = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anomaly_settings", x => x.Scheme);
                });

            migrationBuilder.CreateTable(
                name: "footprint_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComputedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ComputedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinimumSample = table.Column<int>(type: "INTEGER", nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    Footprints = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_footprint_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_anomalies",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Measured = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpectedLow = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpectedHigh = table.Column<long>(type: "INTEGER", nullable: true),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_anomalies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "footprints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FootprintRunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Lines = table.Column<int>(type: "INTEGER", nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    P1 = table.Column<long>(type: "INTEGER", nullable: true),
                    P5 = table.Column<long>(type: "INTEGER", nullable: true),
                    P10 = table.Column<long>(type: "INTEGER", nullable: true),
                    P25 = table.Column<long>(type: "INTEGER", nullable: true),
                    P50 = table.Column<long>(type: "INTEGER", nullable: true),
                    P75 = table.Column<long>(type: "INTEGER", nullable: true),
                    P90 = table.Column<long>(type: "INTEGER", nullable: true),
                    P95 = table.Column<long>(type: "INTEGER", nullable: true),
                    P99 = table.Column<long>(type: "INTEGER", nullable: true),
                    StoneCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    Stones = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_footprints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_footprints_footprint_runs_FootprintRunId",
                        column: x => x.FootprintRunId,
                        principalTable: "footprint_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "anomaly_questionnaire_questions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionnaireId = table.Column<long>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AnomalyId = table.Column<long>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_anomaly_questionnaire_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_anomaly_questionnaire_questions_anomaly_questionnaires_QuestionnaireId",
                        column: x => x.QuestionnaireId,
                        principalTable: "anomaly_questionnaires",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_anomaly_questionnaire_questions_statistics_anomalies_AnomalyId",
                        column: x => x.AnomalyId,
                        principalTable: "statistics_anomalies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_import_confirmations_ReceivedOn",
                table: "import_confirmations",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuedOn",
                table: "certificates",
                column: "IssuedOn");

            migrationBuilder.CreateIndex(
                name: "IX_anomaly_questionnaire_questions_AnomalyId",
                table: "anomaly_questionnaire_questions",
                column: "AnomalyId");

            migrationBuilder.CreateIndex(
                name: "IX_anomaly_questionnaire_questions_QuestionnaireId_Number",
                table: "anomaly_questionnaire_questions",
                columns: new[] { "QuestionnaireId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_anomaly_questionnaires_ParticipantCode_Status",
                table: "anomaly_questionnaires",
                columns: new[] { "ParticipantCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_anomaly_questionnaires_Status_DueOn",
                table: "anomaly_questionnaires",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_footprint_runs_ComputedAt",
                table: "footprint_runs",
                column: "ComputedAt");

            migrationBuilder.CreateIndex(
                name: "IX_footprints_FootprintRunId",
                table: "footprints",
                column: "FootprintRunId");

            migrationBuilder.CreateIndex(
                name: "IX_footprints_Origin_Zone_HsCode",
                table: "footprints",
                columns: new[] { "Origin", "Zone", "HsCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_anomalies_Kind_ParticipantCode_Period_Subject",
                table: "statistics_anomalies",
                columns: new[] { "Kind", "ParticipantCode", "Period", "Subject" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_anomalies_Year_ParticipantCode",
                table: "statistics_anomalies",
                columns: new[] { "Year", "ParticipantCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "anomaly_questionnaire_questions");

            migrationBuilder.DropTable(
                name: "anomaly_settings");

            migrationBuilder.DropTable(
                name: "footprints");

            migrationBuilder.DropTable(
                name: "anomaly_questionnaires");

            migrationBuilder.DropTable(
                name: "statistics_anomalies");

            migrationBuilder.DropTable(
                name: "footprint_runs");

            migrationBuilder.DropIndex(
                name: "IX_import_confirmations_ReceivedOn",
                table: "import_confirmations");

            migrationBuilder.DropIndex(
                name: "IX_certificates_IssuedOn",
                table: "certificates");
        }
    }
}
