using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Hotspots.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class PlacesNoPatrolCanTreat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ExcludedUtc",
                table: "hotspots_spots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "hotspots_place_flags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<long>(type: "INTEGER", nullable: false),
                    HotspotId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Match = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    AreaWkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ExclusionId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotspots_place_flags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "hotspots_places",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ShapeWkb = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    RadiusMetres = table.Column<double>(type: "REAL", nullable: true),
                    UploadedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_hotspots_places", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_hotspots_place_flags_HotspotId",
                table: "hotspots_place_flags",
                column: "HotspotId");

            migrationBuilder.CreateIndex(
                name: "IX_hotspots_place_flags_SetId",
                table: "hotspots_place_flags",
                column: "SetId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "hotspots_place_flags");

            migrationBuilder.DropTable(
                name: "hotspots_places");

            migrationBuilder.DropColumn(
                name: "ExcludedUtc",
                table: "hotspots_spots");
        }
    }
}
