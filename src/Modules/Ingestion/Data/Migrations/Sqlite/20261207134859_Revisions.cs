using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Ingestion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Revisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The crimes' revision moves to the platform's table of revisions (a row per kind of data), keeping its number.
            // The platform's migrations run before every module's, so platform_revisions exists here.
            migrationBuilder.Sql(
                "INSERT INTO platform_revisions (\"Kind\", \"Number\") " +
                "SELECT 'ingestion.crimes', \"Number\" FROM ingestion_crime_revision WHERE \"Id\" = 1 " +
                "ON CONFLICT (\"Kind\") DO UPDATE SET \"Number\" = excluded.\"Number\"");
            migrationBuilder.DropTable(
                name: "ingestion_crime_revision");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ingestion_crime_revision",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_crime_revision", x => x.Id);
                });
            migrationBuilder.Sql(
                "INSERT INTO ingestion_crime_revision (\"Id\", \"Number\") " +
                "SELECT 1, \"Number\" FROM platform_revisions WHERE \"Kind\" = 'ingestion.crimes'");
        }
    }
}
