using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnswerEvaluations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AnswerEvaluationResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Composer = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IsDefault = table.Column<bool>(type: "INTEGER", nullable: false),
                    Questions = table.Column<int>(type: "INTEGER", nullable: false),
                    Probed = table.Column<int>(type: "INTEGER", nullable: false),
                    Passages = table.Column<int>(type: "INTEGER", nullable: false),
                    RougeLF1 = table.Column<double>(type: "REAL", nullable: false),
                    TokenF1 = table.Column<double>(type: "REAL", nullable: false),
                    GoldCitationRate = table.Column<double>(type: "REAL", nullable: false),
                    CitationPrecision = table.Column<double>(type: "REAL", nullable: false),
                    SupportedShare = table.Column<double>(type: "REAL", nullable: false),
                    WordsP50 = table.Column<double>(type: "REAL", nullable: false),
                    AbstentionRecall = table.Column<double>(type: "REAL", nullable: false),
                    FalseAbstention = table.Column<double>(type: "REAL", nullable: false),
                    P50Ms = table.Column<double>(type: "REAL", nullable: false),
                    P95Ms = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnswerEvaluationResults", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerEvaluationResults_Dataset_RanAtUtc",
                table: "AnswerEvaluationResults",
                columns: new[] { "Dataset", "RanAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AnswerEvaluationResults");
        }
    }
}
