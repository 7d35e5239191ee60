using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Patrols.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patrols_sessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerId = table.Column<string>(type: "TEXT", nullable: false),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    SetId = table.Column<long>(type: "INTEGER", nullable: false),
                    HotspotName = table.Column<string>(type: "TEXT", nullable: false),
                    PolygonWkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PingCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MinutesInside = table.Column<double>(type: "REAL", nullable: false),
                    LastInside = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActivityCount = table.Column<int>(type: "INTEGER", nullable: false),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastPingUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    VisitCount = table.Column<int>(type: "INTEGER", nullable: false),
                    KoperVisitCount = table.Column<int>(type: "INTEGER", nullable: false),
                    StopCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FootMinutes = table.Column<double>(type: "REAL", nullable: false),
                    VehicleMinutes = table.Column<double>(type: "REAL", nullable: false),
                    PingsPurgedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patrols_activities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatrolId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrols_activities_patrols_sessions_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "patrols_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrols_pings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PatrolId = table.Column<long>(type: "INTEGER", nullable: false),
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: true),
                    SpeedMetresPerSecond = table.Column<double>(type: "REAL", nullable: true),
                    X = table.Column<double>(type: "REAL", nullable: false),
                    Y = table.Column<double>(type: "REAL", nullable: false),
                    Inside = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_pings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrols_pings_patrols_sessions_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "patrols_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_patrols_activities_PatrolId_Sequence",
                table: "patrols_activities",
                columns: new[] { "PatrolId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_activities_TimeUtc",
                table: "patrols_activities",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_patrols_pings_PatrolId_Sequence",
                table: "patrols_pings",
                columns: new[] { "PatrolId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_pings_TimeUtc",
                table: "patrols_pings",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_patrols_sessions_EndedUtc",
                table: "patrols_sessions",
                column: "EndedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_patrols_sessions_OfficerId_StartedUtc",
                table: "patrols_sessions",
                columns: new[] { "OfficerId", "StartedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_patrols_sessions_StartedUtc",
                table: "patrols_sessions",
                column: "StartedUtc");

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
                name: "patrols_activities");

            migrationBuilder.DropTable(
                name: "patrols_pings");

            migrationBuilder.DropTable(
                name: "patrols_stops");

            migrationBuilder.DropTable(
                name: "patrols_stretches");

            migrationBuilder.DropTable(
                name: "patrols_visits");

            migrationBuilder.DropTable(
                name: "patrols_sessions");
        }
    }
}
