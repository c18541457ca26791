using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenKP.Migrations.Postgres.Migrations
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
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateNumberFormat",
                table: "participants",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "{P}-{YYYY}-{N:6}");

            migrationBuilder.CreateTable(
                name: "certificate_sequences",
                columns: table => new
                {
                    ParticipantCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Period = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certificate_sequences", x => new { x.ParticipantCode, x.Period });
                });

            migrationBuilder.CreateTable(
                name: "certificates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IssuingParticipant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    IssuingAuthority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ImportingParticipant = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    ExporterName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ExporterAddress = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ExporterLicence = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ImporterName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ImporterAddress = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ImporterLicence = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Origin = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Provenance = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    OriginZone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Parcels = table.Column<int>(type: "integer", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SealNumbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    ContainerNumbers = table.Column<List<string>>(type: "text[]", nullable: false),
                    QualityNotes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Replaces = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ReplacedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TotalCaratsHundredths = table.Column<long>(type: "bigint", nullable: false),
                    TotalUsdCents = table.Column<long>(type: "bigint", nullable: false),
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    QrText = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    VoidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    VoidReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    VoidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IssuedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ReportedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reported_numbers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "signing_keys",
                columns: table => new
                {
                    KeyId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ParticipantCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Authority = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PublicKey = table.Column<byte[]>(type: "bytea", maxLength: 200, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StatusSince = table.Column<DateOnly>(type: "date", nullable: true),
                    StatusReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_signing_keys", x => x.KeyId);
                });

            migrationBuilder.CreateTable(
                name: "certificate_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CertificateId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    HsCode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    CaratsHundredths = table.Column<long>(type: "bigint", nullable: false),
                    UsdCents = table.Column<long>(type: "bigint", nullable: false)
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
