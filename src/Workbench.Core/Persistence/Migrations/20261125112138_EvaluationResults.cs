using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EvaluationResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RunId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Retriever = table.Column<string>(type: "TEXT", nullable: false),
                    EmbeddingModel = table.Column<string>(type: "TEXT", nullable: false),
                    ChunkTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    OverlapTokens = table.Column<int>(type: "INTEGER", nullable: false),
                    Documents = table.Column<int>(type: "INTEGER", nullable: false),
                    Passages = table.Column<int>(type: "INTEGER", nullable: false),
                    Questions = table.Column<int>(type: "INTEGER", nullable: false),
                    Recall1 = table.Column<double>(type: "REAL", nullable: false),
                    Recall5 = table.Column<double>(type: "REAL", nullable: false),
                    Recall10 = table.Column<double>(type: "REAL", nullable: false),
                    Mrr10 = table.Column<double>(type: "REAL", nullable: false),
                    Ndcg10 = table.Column<double>(type: "REAL", nullable: false),
                    P50Ms = table.Column<double>(type: "REAL", nullable: false),
                    P95Ms = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationResults", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationResults_Dataset_RanAtUtc",
                table: "EvaluationResults",
                columns: new[] { "Dataset", "RanAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationResults");
        }
    }
}
