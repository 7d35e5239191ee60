using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HotSpots.Modules.Workforce.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "workforce_teams",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RetiredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workforce_teams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "workforce_officers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    CollarNumber = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    TeamId = table.Column<long>(type: "bigint", nullable: true),
                    Supervisor = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workforce_officers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_workforce_officers_workforce_teams_TeamId",
                        column: x => x.TeamId,
                        principalTable: "workforce_teams",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_workforce_officers_CollarNumber",
                table: "workforce_officers",
                column: "CollarNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_workforce_officers_TeamId",
                table: "workforce_officers",
                column: "TeamId");

            migrationBuilder.CreateIndex(
                name: "IX_workforce_teams_Name",
                table: "workforce_teams",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "workforce_officers");

            migrationBuilder.DropTable(
                name: "workforce_teams");
        }
    }
}
