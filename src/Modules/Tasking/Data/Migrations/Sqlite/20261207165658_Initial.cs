using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Tasking.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    HotspotName = table.Column<string>(type: "TEXT", nullable: false),
                    TeamId = table.Column<long>(type: "INTEGER", nullable: false),
                    PoliceDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Shift = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AssignedBy = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_assignments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_directions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerId = table.Column<string>(type: "TEXT", nullable: false),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    SetId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FromLatitude = table.Column<double>(type: "REAL", nullable: false),
                    FromLongitude = table.Column<double>(type: "REAL", nullable: false),
                    DistanceMetres = table.Column<double>(type: "REAL", nullable: false),
                    Assigned = table.Column<bool>(type: "INTEGER", nullable: false),
                    CandidateIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_directions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_trials",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Design = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TreatmentShare = table.Column<double>(type: "REAL", nullable: false),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<int>(type: "INTEGER", nullable: false),
                    BlockSize = table.Column<int>(type: "INTEGER", nullable: false),
                    Seed = table.Column<long>(type: "INTEGER", nullable: false),
                    SetId = table.Column<long>(type: "INTEGER", nullable: false),
                    MinutesPerVisit = table.Column<double>(type: "REAL", nullable: false),
                    VisitsPerDay = table.Column<int>(type: "INTEGER", nullable: false),
                    DailyCapMinutes = table.Column<double>(type: "REAL", nullable: false),
                    ScheduleCsv = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SealedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SealedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_trials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_trial_place_days",
                columns: table => new
                {
                    TrialId = table.Column<long>(type: "INTEGER", nullable: false),
                    PoliceDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Arm = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TrialId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Harm = table.Column<double>(type: "REAL", nullable: false)
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
