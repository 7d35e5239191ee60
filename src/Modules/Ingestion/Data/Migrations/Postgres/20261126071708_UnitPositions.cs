using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HotSpots.Modules.Ingestion.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UnitId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UnitType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    AccuracyMetres = table.Column<double>(type: "double precision", nullable: true),
                    X = table.Column<double>(type: "double precision", nullable: false),
                    Y = table.Column<double>(type: "double precision", nullable: false),
                    ImportId = table.Column<long>(type: "bigint", nullable: false)
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
