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
                    ActivityCount = table.Column<int>(type: "INTEGER", nullable: false)
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

            migrationBuilder.CreateIndex(
                name: "IX_patrols_activities_PatrolId_Sequence",
                table: "patrols_activities",
                columns: new[] { "PatrolId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_pings_PatrolId_Sequence",
                table: "patrols_pings",
                columns: new[] { "PatrolId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrols_sessions_OfficerId_StartedUtc",
                table: "patrols_sessions",
                columns: new[] { "OfficerId", "StartedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_patrols_sessions_StartedUtc",
                table: "patrols_sessions",
                column: "StartedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrols_activities");

            migrationBuilder.DropTable(
                name: "patrols_pings");

            migrationBuilder.DropTable(
                name: "patrols_sessions");
        }
    }
}
