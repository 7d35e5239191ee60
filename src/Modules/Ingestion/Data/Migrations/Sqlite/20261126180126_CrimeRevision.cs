using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Ingestion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class CrimeRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingestion_crime_revision");
        }
    }
}
