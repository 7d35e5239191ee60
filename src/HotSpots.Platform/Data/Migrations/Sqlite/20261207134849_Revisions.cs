using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Revisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_revisions",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Number = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_platform_revisions", x => x.Kind);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_revisions");
        }
    }
}
