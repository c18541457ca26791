using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenKP.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Footprints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "footprints");

            migrationBuilder.DropTable(
                name: "footprint_runs");
        }
    }
}
