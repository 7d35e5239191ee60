using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace HotSpots.Modules.Patrols.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class Observation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<double>(
                name: "ObservedSeconds",
                table: "patrols_sessions",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<double>(
                name: "UnobservedSeconds",
                table: "patrols_sessions",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.CreateTable(
                name: "patrols_unobserved",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PatrolId = table.Column<long>(type: "bigint", nullable: false),
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrols_unobserved", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrols_unobserved_patrols_sessions_PatrolId",
                        column: x => x.PatrolId,
                        principalTable: "patrols_sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_patrols_unobserved_PatrolId_Sequence",
                table: "patrols_unobserved",
                columns: new[] { "PatrolId", "Sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrols_unobserved");

            migrationBuilder.DropColumn(
                name: "ObservedSeconds",
                table: "patrols_sessions");

            migrationBuilder.DropColumn(
                name: "UnobservedSeconds",
                table: "patrols_sessions");
        }
    }
}
