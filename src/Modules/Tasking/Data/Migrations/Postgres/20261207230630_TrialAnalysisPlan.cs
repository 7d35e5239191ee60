using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Tasking.Data.Migrations.Postgres
{
    /// <inheritdoc />
    internal partial class TrialAnalysisPlan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PlanJson",
                table: "tasking_trials",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PlanJson",
                table: "tasking_trials");
        }
    }
}
