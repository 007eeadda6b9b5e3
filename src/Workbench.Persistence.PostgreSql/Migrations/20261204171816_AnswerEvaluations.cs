using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Workbench.Persistence.PostgreSql.Migrations
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RunId = table.Column<Guid>(type: "uuid", nullable: false),
                    Dataset = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RanAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Composer = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    IsDefault = table.Column<bool>(type: "boolean", nullable: false),
                    Questions = table.Column<int>(type: "integer", nullable: false),
                    Probed = table.Column<int>(type: "integer", nullable: false),
                    Passages = table.Column<int>(type: "integer", nullable: false),
                    RougeLF1 = table.Column<double>(type: "double precision", nullable: false),
                    TokenF1 = table.Column<double>(type: "double precision", nullable: false),
                    GoldCitationRate = table.Column<double>(type: "double precision", nullable: false),
                    CitationPrecision = table.Column<double>(type: "double precision", nullable: false),
                    SupportedShare = table.Column<double>(type: "double precision", nullable: false),
                    WordsP50 = table.Column<double>(type: "double precision", nullable: false),
                    AbstentionRecall = table.Column<double>(type: "double precision", nullable: false),
                    FalseAbstention = table.Column<double>(type: "double precision", nullable: false),
                    P50Ms = table.Column<double>(type: "double precision", nullable: false),
                    P95Ms = table.Column<double>(type: "double precision", nullable: false)
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
