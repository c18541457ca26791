using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenKP.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Certificates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CertificateLanguage",
                table: "participants",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateNumberFormat",
                table: "participants",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "{P}-{YYYY}-{N:6}");

            migrationBuilder.CreateTable(
                name: "certificate_sequences",
                columns: table => new
                {
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Period = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_sequences", x => new { x.ParticipantCode, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    IssuingAuthority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ExporterName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ExporterAddress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ExporterLicence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ImporterName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ImporterAddress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ImporterLicence = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Provenance = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    OriginZone = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Parcels = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SealNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    ContainerNumbers = table.Column<string>(type: "TEXT", nullable: false),
                    QualityNotes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Replaces = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ReplacedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TotalCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalUsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    QrText = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VoidReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    VoidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IssuedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificates_participants_IssuingParticipant",
                        column: x => x.IssuingParticipant,
                        principalTable: "participants",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reported_numbers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reported_numbers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "BLOB", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StatusReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "certificate_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CertificateId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_certificate_lines_certificates_CertificateId",
                        column: x => x.CertificateId,
                        principalTable: "certificates",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_certificate_lines_CertificateId_Position",
                table: "certificate_lines",
                columns: new[] { "CertificateId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_ImportingParticipant_IssuedOn",
                table: "certificates",
                columns: new[] { "ImportingParticipant", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_IssuingParticipant_IssuedOn",
                table: "certificates",
                columns: new[] { "IssuingParticipant", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Number",
                table: "certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_certificates_Status",
                table: "certificates",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_reported_numbers_Number",
                table: "reported_numbers",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_signing_keys_ParticipantCode_Status",
                table: "signing_keys",
                columns: new[] { "ParticipantCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_lines");

            migrationBuilder.DropTable(
                name: "certificate_sequences");

            migrationBuilder.DropTable(
                name: "reported_numbers");

            migrationBuilder.DropTable(
                name: "signing_keys");

            migrationBuilder.DropTable(
                name: "certificates");

            migrationBuilder.DropColumn(
                name: "CertificateLanguage",
                table: "participants");

            migrationBuilder.DropColumn(
                name: "CertificateNumberFormat",
                table: "participants");
        }
    }
}
