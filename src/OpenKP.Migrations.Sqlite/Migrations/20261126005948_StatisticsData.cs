using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenKP.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "production_returns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Half = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_production_returns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "statistics_vintages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_vintages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trade_submissions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    QuarterNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trade_submissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "production_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProductionReturnId = table.Column<long>(type: "INTEGER", nullable: false),
                    MiningType = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_production_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_production_lines_production_returns_ProductionReturnId",
                        column: x => x.ProductionReturnId,
                        principalTable: "production_returns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "statistics_vintage_rows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatisticsVintageId = table.Column<long>(type: "INTEGER", nullable: false),
                    ParticipantCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ProductionCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    ProductionUsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportUsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ExportCertificates = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportCaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportUsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    ImportCertificates = table.Column<int>(type: "INTEGER", nullable: false),
                    ProductionSubmitted = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_statistics_vintage_rows", x => x.Id);
                    table.ForeignKey(
                        name: "FK_statistics_vintage_rows_statistics_vintages_StatisticsVintageId",
                        column: x => x.StatisticsVintageId,
                        principalTable: "statistics_vintages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submitted_figures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TradeSubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Certificates = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submitted_figures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_submitted_figures_trade_submissions_TradeSubmissionId",
                        column: x => x.TradeSubmissionId,
                        principalTable: "trade_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "submitted_records",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TradeSubmissionId = table.Column<long>(type: "INTEGER", nullable: false),
                    Flow = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CertificateNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Partner = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    HsCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CaratsHundredths = table.Column<long>(type: "INTEGER", nullable: false),
                    UsdCents = table.Column<long>(type: "INTEGER", nullable: false),
                    Stones = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_submitted_records", x => x.Id);
                    table.ForeignKey(
                        name: "FK_submitted_records_trade_submissions_TradeSubmissionId",
                        column: x => x.TradeSubmissionId,
                        principalTable: "trade_submissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_production_lines_ProductionReturnId",
                table: "production_lines",
                column: "ProductionReturnId");

            migrationBuilder.CreateIndex(
                name: "IX_production_returns_ParticipantCode_Year_Half_Revision",
                table: "production_returns",
                columns: new[] { "ParticipantCode", "Year", "Half", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_production_returns_Year",
                table: "production_returns",
                column: "Year");

            migrationBuilder.CreateIndex(
                name: "IX_statistics_vintage_rows_StatisticsVintageId_ParticipantCode",
                table: "statistics_vintage_rows",
                columns: new[] { "StatisticsVintageId", "ParticipantCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_statistics_vintages_Year_Number",
                table: "statistics_vintages",
                columns: new[] { "Year", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_submitted_figures_TradeSubmissionId",
                table: "submitted_figures",
                column: "TradeSubmissionId");

            migrationBuilder.CreateIndex(
                name: "IX_submitted_records_CertificateNumber",
                table: "submitted_records",
                column: "CertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_submitted_records_TradeSubmissionId_Flow",
                table: "submitted_records",
                columns: new[] { "TradeSubmissionId", "Flow" });

            migrationBuilder.CreateIndex(
                name: "IX_trade_submissions_ParticipantCode_Year_QuarterNumber_Revision",
                table: "trade_submissions",
                columns: new[] { "ParticipantCode", "Year", "QuarterNumber", "Revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trade_submissions_Year",
                table: "trade_submissions",
                column: "Year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "production_lines");

            migrationBuilder.DropTable(
                name: "statistics_vintage_rows");

            migrationBuilder.DropTable(
                name: "submitted_figures");

            migrationBuilder.DropTable(
                name: "submitted_records");

            migrationBuilder.DropTable(
                name: "production_returns");

            migrationBuilder.DropTable(
                name: "statistics_vintages");

            migrationBuilder.DropTable(
                name: "trade_submissions");
        }
    }
}
