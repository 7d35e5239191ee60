using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Patrols.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class ActivityUndo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "LoggedUtc",
                table: "patrols_activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneUtc",
                table: "patrols_activities",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LoggedUtc",
                table: "patrols_activities");

            migrationBuilder.DropColumn(
                name: "UndoneUtc",
                table: "patrols_activities");
        }
    }
}
