using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Patrols.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Dosage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EndReason",
                table: "patrols_sessions",
                type: "TEXT",
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "FootMinutes",
                table: "patrols_sessions",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "KoperVisitCount",
                table: "patrols_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastPingUtc",
                table: "patrols_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "PingsPurgedUtc",
                table: "patrols_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "StopCount",
                table: "patrols_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "VehicleMinutes",
                table: "patrols_sessions",
                type: "REAL",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<int>(
                name: "VisitCount",
                table: "patrols_sessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "patrols_stops",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatrolId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    X = table.Column<double>(type: "REAL", nullable: false),
                    Y = table.Column<double>(type: "REAL", nullable: false),
                    InSpot = table.Column<bool>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_stops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrols_stops_patrols_sessions_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "patrols_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrols_stretches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatrolId = table.Column<long>(type: "INTEGER", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_stretches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrols_stretches_patrols_sessions_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "patrols_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrols_visits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    PatrolId = table.Column<long>(type: "INTEGER", nullable: true),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    EnteredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExitedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Open = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrols_visits_patrols_sessions_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "patrols_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_patrols_sessions_EndedUtc",
                table: "patrols_sessions",
                column: "EndedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_patrols_pings_TimeUtc",
                table: "patrols_pings",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_patrols_activities_TimeUtc",
                table: "patrols_activities",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_patrols_stops_PatrolId_Ordinal",
                table: "patrols_stops",
                columns: new[] { "PatrolId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_stretches_PatrolId_Ordinal",
                table: "patrols_stretches",
                columns: new[] { "PatrolId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_visits_PatrolId_Ordinal",
                table: "patrols_visits",
                columns: new[] { "PatrolId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_visits_Source_EnteredUtc",
                table: "patrols_visits",
                columns: new[] { "Source", "EnteredUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrols_stops");

            migrationBuilder.DropTable(
                name: "patrols_stretches");

            migrationBuilder.DropTable(
                name: "patrols_visits");

            migrationBuilder.DropIndex(
                name: "IX_patrols_sessions_EndedUtc",
                table: "patrols_sessions");

            migrationBuilder.DropIndex(
                name: "IX_patrols_pings_TimeUtc",
                table: "patrols_pings");

            migrationBuilder.DropIndex(
                name: "IX_patrols_activities_TimeUtc",
                table: "patrols_activities");

            migrationBuilder.DropColumn(
                name: "EndReason",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "FootMinutes",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "KoperVisitCount",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "LastPingUtc",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "PingsPurgedUtc",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "StopCount",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "VehicleMinutes",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "VisitCount",
                table: "patrols_sessions");
        }
    }
}
