using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Patrols.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneUtc",
                table: "patrols_activities",
                type: "TEXT",
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
