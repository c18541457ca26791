using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenKP.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Shipments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "arrival_checks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ExportingParticipant = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CheckedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CertificateValid = table.Column<bool>(type: "INTEGER", nullable: false),
                    VerificationReasons = table.Column<string>(type: "TEXT", nullable: false),
                    SealIntact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Parcels = table.Column<int>(type: "INTEGER", nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Discrepancies = table.Column<string>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_arrival_checks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "detention_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ShipmentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivalCheckId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportingParticipant = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Discrepancies = table.Column<string>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NotifyBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IssuerNotifiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResolutionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ResolvedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detention_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "export_applications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    OperatorId = table.Column<long>(type: "INTEGER", nullable: false),
                    ExporterLicence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ImporterName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImporterAddress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ImporterLicence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Provenance = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    OriginZone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Parcels = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SealNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    ContainerNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    QualityNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    PlannedDeparture = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExpectedArrival = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TotalCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalUsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstApprovedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    FirstApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_applications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_export_applications_operators_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "operators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_export_applications_participants_ParticipantCode",
                        column: x => x.ParticipantCode,
                        principalTable: "participants",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "import_confirmations",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ConfirmingAuthority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExporterName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImporterName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Parcels = table.Column<int>(type: "INTEGER", nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SignedText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_import_confirmations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "shipment_settings",
                columns: table => new
                {
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    FourEyesThresholdUsdCents = table.Column<long>(type: "INTEGER", nullable: true),
                    OverdueAfterDays = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightToleranceBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    ValueToleranceBasisPoints = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipment_settings", x => x.ParticipantCode);
                    table.ForeignKey(
                        name: "FK_shipment_settings_participants_ParticipantCode",
                        column: x => x.ParticipantCode,
                        principalTable: "participants",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "shipments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ExporterOperatorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ImporterOperatorId = table.Column<long>(type: "INTEGER", nullable: true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: true),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpectedArrival = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DepartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DepartedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    DepartureSeals = table.Column<string>(type: "TEXT", nullable: false),
                    DepartureNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReminderAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shipments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stored_files",
                columns: table => new
                {
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    StoredAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stored_files", x => x.Sha256);
                });

            migrationBuilder.CreateTable(
                name: "transit_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TransitParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CertificateValid = table.Column<bool>(type: "INTEGER", nullable: false),
                    VerificationReasons = table.Column<string>(type: "TEXT", nullable: false),
                    SealIntact = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transit_records", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "detention_case_notes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Participant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_detention_case_notes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_detention_case_notes_detention_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "detention_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "export_application_attachments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_application_attachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_export_application_attachments_export_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "export_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "export_application_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_export_application_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_export_application_lines_export_applications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "export_applications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_arrival_checks_CertificateNumber",
                table: "arrival_checks",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_detention_case_notes_CaseId",
                table: "detention_case_notes",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_detention_cases_CertificateNumber",
                table: "detention_cases",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_detention_cases_ExportingParticipant",
                table: "detention_cases",
                column: "ExportingParticipant");

            migrationBuilder.CreateIndex(
                name: "IX_detention_cases_ImportingParticipant",
                table: "detention_cases",
                column: "ImportingParticipant");

            migrationBuilder.CreateIndex(
                name: "IX_export_application_attachments_ApplicationId",
                table: "export_application_attachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_export_application_lines_ApplicationId_Position",
                table: "export_application_lines",
                columns: new[] { "ApplicationId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_export_applications_OperatorId_UpdatedAt",
                table: "export_applications",
                columns: new[] { "OperatorId", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_export_applications_ParticipantCode_Status",
                table: "export_applications",
                columns: new[] { "ParticipantCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_import_confirmations_CertificateNumber",
                table: "import_confirmations",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_import_confirmations_ExportingParticipant_ReceivedOn",
                table: "import_confirmations",
                columns: new[] { "ExportingParticipant", "ReceivedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_shipments_CertificateNumber",
                table: "shipments",
                column: "CertificateNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_shipments_ExporterOperatorId",
                table: "shipments",
                column: "ExporterOperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_shipments_ExportingParticipant_Status_IssuedOn",
                table: "shipments",
                columns: new[] { "ExportingParticipant", "Status", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_shipments_ImportingParticipant_Status",
                table: "shipments",
                columns: new[] { "ImportingParticipant", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_transit_records_CertificateNumber",
                table: "transit_records",
                column: "CertificateNumber");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "arrival_checks");

            migrationBuilder.DropTable(
                name: "detention_case_notes");

            migrationBuilder.DropTable(
                name: "export_application_attachments");

            migrationBuilder.DropTable(
                name: "export_application_lines");

            migrationBuilder.DropTable(
                name: "import_confirmations");

            migrationBuilder.DropTable(
                name: "shipment_settings");

            migrationBuilder.DropTable(
                name: "shipments");

            migrationBuilder.DropTable(
                name: "stored_files");

            migrationBuilder.DropTable(
                name: "transit_records");

            migrationBuilder.DropTable(
                name: "detention_cases");

            migrationBuilder.DropTable(
                name: "export_applications");
        }
    }
}
