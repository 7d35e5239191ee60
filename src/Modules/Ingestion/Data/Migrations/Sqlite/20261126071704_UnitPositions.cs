using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Ingestion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class UnitPositions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ingestion_unit_positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: true),
                    X = table.Column<double>(type: "REAL", nullable: false),
                    Y = table.Column<double>(type: "REAL", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_unit_positions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_unit_positions_TimeUtc",
                table: "ingestion_unit_positions",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_unit_positions_UnitId_TimeUtc",
                table: "ingestion_unit_positions",
                columns: new[] { "UnitId", "TimeUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingestion_unit_positions");
        }
    }
}
