using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ReindexJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReindexJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TargetCollection = table.Column<string>(type: "TEXT", nullable: true),
                    PreviousCollection = table.Column<string>(type: "TEXT", nullable: true),
                    DocumentsTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    DocumentsDone = table.Column<int>(type: "INTEGER", nullable: false),
                    PassagesDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Embedded = table.Column<int>(type: "INTEGER", nullable: false),
                    Resumes = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", nullable: true),
                    ErrorsJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReindexJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReindexJobs_CreatedAtUtc",
                table: "ReindexJobs",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ReindexJobs_Status",
                table: "ReindexJobs",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReindexJobs");
        }
    }
}
