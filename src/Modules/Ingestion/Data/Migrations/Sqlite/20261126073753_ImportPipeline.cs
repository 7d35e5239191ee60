using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HotSpots.Modules.Ingestion.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    internal partial class ImportPipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedUtc",
                table: "ingestion_quarantine",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "FixedText",
                table: "ingestion_quarantine",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Format",
                table: "ingestion_quarantine",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Header",
                table: "ingestion_quarantine",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Profile",
                table: "ingestion_quarantine",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RawHash",
                table: "ingestion_quarantine",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "ResolvedBy",
                table: "ingestion_quarantine",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ResolvedUtc",
                table: "ingestion_quarantine",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "ingestion_quarantine",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "BytesDone",
                table: "ingestion_imports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "BytesTotal",
                table: "ingestion_imports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTime>(
                name: "CreatedUtc",
                table: "ingestion_imports",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "CurrentFile",
                table: "ingestion_imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DisplayName",
                table: "ingestion_imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FailedFiles",
                table: "ingestion_imports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "HeartbeatUtc",
                table: "ingestion_imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "OutOfArea",
                table: "ingestion_imports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "Profile",
                table: "ingestion_imports",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReportJson",
                table: "ingestion_imports",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RowsDone",
                table: "ingestion_imports",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<bool>(
                name: "OutOfArea",
                table: "ingestion_crimes",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

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

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_quarantine_File_Line_RawHash",
                table: "ingestion_quarantine",
                columns: new[] { "File", "Line", "RawHash" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_quarantine_Status",
                table: "ingestion_quarantine",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_imports_Status",
                table: "ingestion_imports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ingestion_profiles_Name",
                table: "ingestion_profiles",
                column: "Name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ingestion_profiles");

            migrationBuilder.DropIndex(
                name: "IX_ingestion_quarantine_File_Line_RawHash",
                table: "ingestion_quarantine");

            migrationBuilder.DropIndex(
                name: "IX_ingestion_quarantine_Status",
                table: "ingestion_quarantine");

            migrationBuilder.DropIndex(
                name: "IX_ingestion_imports_Status",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "CreatedUtc",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "FixedText",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "Format",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "Header",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "Profile",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "RawHash",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "ResolvedBy",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "ResolvedUtc",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "ingestion_quarantine");

            migrationBuilder.DropColumn(
                name: "BytesDone",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "BytesTotal",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "CreatedUtc",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "CurrentFile",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "DisplayName",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "FailedFiles",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "HeartbeatUtc",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "OutOfArea",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "Profile",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "ReportJson",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "RowsDone",
                table: "ingestion_imports");

            migrationBuilder.DropColumn(
                name: "OutOfArea",
                table: "ingestion_crimes");
        }
    }
}
