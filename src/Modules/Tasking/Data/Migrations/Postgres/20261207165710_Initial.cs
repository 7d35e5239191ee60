using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HotSpots.Modules.Tasking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "tasking_assignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HotspotId = table.Column<long>(type: "bigint", nullable: false),
                    HotspotName = table.Column<string>(type: "text", nullable: false),
                    TeamId = table.Column<long>(type: "bigint", nullable: false),
                    PoliceDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Shift = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssignedBy = table.Column<string>(type: "text", nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_directions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OfficerId = table.Column<string>(type: "text", nullable: false),
                    HotspotId = table.Column<long>(type: "bigint", nullable: false),
                    SetId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FromLatitude = table.Column<double>(type: "double precision", nullable: false),
                    FromLongitude = table.Column<double>(type: "double precision", nullable: false),
                    DistanceMetres = table.Column<double>(type: "double precision", nullable: false),
                    Assigned = table.Column<bool>(type: "boolean", nullable: false),
                    CandidateIds = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_directions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_trials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Design = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TreatmentShare = table.Column<double>(type: "double precision", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "date", nullable: false),
                    Days = table.Column<int>(type: "integer", nullable: false),
                    BlockSize = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<long>(type: "bigint", nullable: false),
                    SetId = table.Column<long>(type: "bigint", nullable: false),
                    MinutesPerVisit = table.Column<double>(type: "double precision", nullable: false),
                    VisitsPerDay = table.Column<int>(type: "integer", nullable: false),
                    DailyCapMinutes = table.Column<double>(type: "double precision", nullable: false),
                    ScheduleCsv = table.Column<string>(type: "text", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "text", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SealedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SealedBy = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_trials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_trial_place_days",
                columns: table => new
                {
                    TrialId = table.Column<long>(type: "bigint", nullable: false),
                    PoliceDay = table.Column<DateOnly>(type: "date", nullable: false),
                    HotspotId = table.Column<long>(type: "bigint", nullable: false),
                    Arm = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_trial_place_days", x => new { x.TrialId, x.PoliceDay, x.HotspotId });
                    table.ForeignKey(
                        name: "FK_tasking_trial_place_days_tasking_trials_TrialId",
                        column: x => x.TrialId,
                        principalTable: "tasking_trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tasking_trial_spots",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TrialId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<string>(type: "text", nullable: false),
                    HotspotId = table.Column<long>(type: "bigint", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Harm = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_trial_spots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tasking_trial_spots_tasking_trials_TrialId",
                        column: x => x.TrialId,
                        principalTable: "tasking_trials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tasking_assignments_PoliceDay_TeamId",
                table: "tasking_assignments",
                columns: new[] { "PoliceDay", "TeamId" });

            migrationBuilder.CreateIndex(
                name: "IX_tasking_directions_OfficerId_CreatedUtc",
                table: "tasking_directions",
                columns: new[] { "OfficerId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_tasking_trial_spots_TrialId_Code",
                table: "tasking_trial_spots",
                columns: new[] { "TrialId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tasking_assignments");

            migrationBuilder.DropTable(
                name: "tasking_directions");

            migrationBuilder.DropTable(
                name: "tasking_trial_place_days");

            migrationBuilder.DropTable(
                name: "tasking_trial_spots");

            migrationBuilder.DropTable(
                name: "tasking_trials");
        }
    }
}
