using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HotSpots.Modules.Patrols.Data.Migrations.Postgres
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficerId = table.Column<string>(type: "text", nullable: false),
                    HotspotId = table.Column<long>(type: "bigint", nullable: false),
                    SetId = table.Column<long>(type: "bigint", nullable: false),
                    HotspotName = table.Column<string>(type: "text", nullable: false),
                    PolygonWkb = table.Column<byte[]>(type: "bytea", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PingCount = table.Column<int>(type: "integer", nullable: false),
                    MinutesInside = table.Column<double>(type: "double precision", nullable: false),
                    LastInside = table.Column<bool>(type: "boolean", nullable: false),
                    ActivityCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_sessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "patrols_activities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatrolId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatrolId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    AccuracyMetres = table.Column<double>(type: "double precision", nullable: true),
                    SpeedMetresPerSecond = table.Column<double>(type: "double precision", nullable: true),
                    X = table.Column<double>(type: "double precision", nullable: false),
                    Y = table.Column<double>(type: "double precision", nullable: false),
                    Inside = table.Column<bool>(type: "boolean", nullable: false)
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
