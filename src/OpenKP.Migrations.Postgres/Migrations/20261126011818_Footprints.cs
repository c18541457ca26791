using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace OpenKP.Migrations.Postgres.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComputedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ComputedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    MinimumSample = table.Column<int>(type: "integer", nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    Footprints = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_footprint_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "footprints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FootprintRunId = table.Column<long>(type: "bigint", nullable: false),
                    Origin = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    Zone = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    HsCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Lines = table.Column<int>(type: "integer", nullable: false),
                    CaratsHundredths = table.Column<long>(type: "bigint", nullable: false),
                    UsdCents = table.Column<long>(type: "bigint", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LastDate = table.Column<DateOnly>(type: "date", nullable: false),
                    P1 = table.Column<long>(type: "bigint", nullable: true),
                    P5 = table.Column<long>(type: "bigint", nullable: true),
                    P10 = table.Column<long>(type: "bigint", nullable: true),
                    P25 = table.Column<long>(type: "bigint", nullable: true),
                    P50 = table.Column<long>(type: "bigint", nullable: true),
                    P75 = table.Column<long>(type: "bigint", nullable: true),
                    P90 = table.Column<long>(type: "bigint", nullable: true),
                    P95 = table.Column<long>(type: "bigint", nullable: true),
                    P99 = table.Column<long>(type: "bigint", nullable: true),
                    StoneCaratsHundredths = table.Column<long>(type: "bigint", nullable: false),
                    Stones = table.Column<long>(type: "bigint", nullable: false)
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
