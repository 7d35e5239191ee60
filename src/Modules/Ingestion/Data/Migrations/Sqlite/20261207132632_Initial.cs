using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Ingestion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class Initial : Migration
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

            migrationBuilder.CreateTable(
                name: "ingestion_crimes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceKey = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ContentHash = table.Column<long>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    OffenceCode = table.Column<string>(type: "TEXT", nullable: true),
                    OccurredFromUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OccurredToUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HasTimeOfDay = table.Column<bool>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    X = table.Column<double>(type: "REAL", nullable: true),
                    Y = table.Column<double>(type: "REAL", nullable: true),
                    Location = table.Column<string>(type: "TEXT", nullable: true),
                    AreaCode = table.Column<string>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", nullable: true),
                    Unmappable = table.Column<bool>(type: "INTEGER", nullable: false),
                    OutOfArea = table.Column<bool>(type: "INTEGER", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_crimes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HeartbeatUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CurrentFile = table.Column<string>(type: "TEXT", nullable: true),
                    RowsDone = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesDone = table.Column<long>(type: "INTEGER", nullable: false),
                    BytesTotal = table.Column<long>(type: "INTEGER", nullable: false),
                    Imported = table.Column<long>(type: "INTEGER", nullable: false),
                    Updated = table.Column<long>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<long>(type: "INTEGER", nullable: false),
                    Quarantined = table.Column<long>(type: "INTEGER", nullable: false),
                    Unmappable = table.Column<long>(type: "INTEGER", nullable: false),
                    OutOfArea = table.Column<long>(type: "INTEGER", nullable: false),
                    FailedFiles = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ReportJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_profiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    BuiltIn = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_profiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_quarantine",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false),
                    File = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<long>(type: "INTEGER", nullable: false),
                    Field = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    RawText = table.Column<string>(type: "TEXT", nullable: false),
                    RawHash = table.Column<long>(type: "INTEGER", nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Profile = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Header = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FixedText = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_quarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_unit_positions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UnitId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UnitType = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TimeUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    AccuracyMetres = table.Column<double>(type: "REAL", nullable: true),
                    X = table.Column<double>(type: "REAL", nullable: false),
                    Y = table.Column<double>(type: "REAL", nullable: false),
                    ImportId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_unit_positions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ingestion_person_links",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CrimeId = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ingestion_person_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ingestion_person_links_ingestion_crimes_CrimeId",
                        column: x => x.CrimeId,
                        principalTable: "ingestion_crimes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_crimes_OccurredFromUtc",
                table: "ingestion_crimes",
                column: "OccurredFromUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_crimes_Source_SourceKey",
                table: "ingestion_crimes",
                columns: new[] { "Source", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_imports_Status",
                table: "ingestion_imports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_person_links_CrimeId",
                table: "ingestion_person_links",
                column: "CrimeId");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_person_links_PersonId",
                table: "ingestion_person_links",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_profiles_Name",
                table: "ingestion_profiles",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_quarantine_File_Line_RawHash",
                table: "ingestion_quarantine",
                columns: new[] { "File", "Line", "RawHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_quarantine_ImportId",
                table: "ingestion_quarantine",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_quarantine_Status",
                table: "ingestion_quarantine",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_unit_positions_TimeUtc",
                table: "ingestion_unit_positions",
                column: "TimeUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_unit_positions_UnitId_TimeUtc",
                table: "ingestion_unit_positions",
                columns: new[] { "UnitId", "TimeUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingestion_crime_revision");

            migrationBuilder.DropTable(
                name: "ingestion_imports");

            migrationBuilder.DropTable(
                name: "ingestion_person_links");

            migrationBuilder.DropTable(
                name: "ingestion_profiles");

            migrationBuilder.DropTable(
                name: "ingestion_quarantine");

            migrationBuilder.DropTable(
                name: "ingestion_unit_positions");

            migrationBuilder.DropTable(
                name: "ingestion_crimes");
        }
    }
}
