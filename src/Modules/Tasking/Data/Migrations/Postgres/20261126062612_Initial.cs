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
                    CandidateIds = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_directions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_teams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "tasking_officers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "text", nullable: false),
                    TeamId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tasking_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_tasking_officers_tasking_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "tasking_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_tasking_directions_OfficerId_CreatedUtc",
                table: "tasking_directions",
                columns: new[] { "OfficerId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_tasking_officers_TeamId",
                table: "tasking_officers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_tasking_teams_Name",
                table: "tasking_teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "tasking_directions");

            migrationBuilder.DropTable(
                name: "tasking_officers");

            migrationBuilder.DropTable(
                name: "tasking_teams");
        }
    }
}
