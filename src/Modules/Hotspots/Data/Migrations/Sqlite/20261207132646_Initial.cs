using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Hotspots.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "hotspots_backtests",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RequestedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestJson = table.Column<string>(type: "TEXT", nullable: false),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: true),
                    Error = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotspots_backtests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotspots_exclusions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PolygonWkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    RadiusMetres = table.Column<double>(type: "REAL", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    RemovedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotspots_exclusions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotspots_sets",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", nullable: true),
                    TrainingFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    TrainingToUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CellSizeMetres = table.Column<double>(type: "REAL", nullable: false),
                    Method = table.Column<string>(type: "TEXT", nullable: false),
                    ParametersJson = table.Column<string>(type: "TEXT", nullable: false),
                    Surface = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotspots_sets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotspots_spots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PolygonWkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CentreLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentreLongitude = table.Column<double>(type: "REAL", nullable: false),
                    AreaSquareMetres = table.Column<double>(type: "REAL", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false),
                    Harm = table.Column<double>(type: "REAL", nullable: false),
                    CrimeCount = table.Column<int>(type: "INTEGER", nullable: false),
                    GiZ = table.Column<double>(type: "REAL", nullable: false),
                    Significant = table.Column<bool>(type: "INTEGER", nullable: false),
                    WhyJson = table.Column<string>(type: "TEXT", nullable: false),
                    Briefing = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotspots_spots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_hotspots_spots_hotspots_sets_SetId",
                        column: x => x.SetId,
                        principalTable: "hotspots_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotspots_exclusions_RemovedUtc",
                table: "hotspots_exclusions",
                column: "RemovedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_hotspots_sets_Status",
                table: "hotspots_sets",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_hotspots_spots_SetId_Rank",
                table: "hotspots_spots",
                columns: new[] { "SetId", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotspots_backtests");

            migrationBuilder.DropTable(
                name: "hotspots_exclusions");

            migrationBuilder.DropTable(
                name: "hotspots_spots");

            migrationBuilder.DropTable(
                name: "hotspots_sets");
        }
    }
}
