using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Campaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_AskedAtUtc",
                table: "Answers");

            migrationBuilder.AddColumn<int>(
                name: "Origin",
                table: "Answers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "Campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    BlindingSeed = table.Column<string>(type: "TEXT", nullable: false),
                    VariantsJson = table.Column<string>(type: "TEXT", nullable: false),
                    RatersJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CampaignAnswers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    QuestionOrdinal = table.Column<int>(type: "INTEGER", nullable: false),
                    VariantIndex = table.Column<int>(type: "INTEGER", nullable: false),
                    AnswerId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignAnswers_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CampaignQuestions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Ordinal = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignQuestions_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Judgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Rater = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FirstVariant = table.Column<int>(type: "INTEGER", nullable: false),
                    SecondVariant = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstScoresJson = table.Column<string>(type: "TEXT", nullable: false),
                    SecondScoresJson = table.Column<string>(type: "TEXT", nullable: false),
                    Preference = table.Column<int>(type: "INTEGER", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubmittedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Judgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Judgements_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_Origin_AskedAtUtc",
                table: "Answers",
                columns: new[] { "Origin", "AskedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAnswers_CampaignId_QuestionOrdinal_VariantIndex",
                table: "CampaignAnswers",
                columns: new[] { "CampaignId", "QuestionOrdinal", "VariantIndex" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignQuestions_CampaignId_Ordinal",
                table: "CampaignQuestions",
                columns: new[] { "CampaignId", "Ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Judgements_CampaignId_Item_Rater",
                table: "Judgements",
                columns: new[] { "CampaignId", "Item", "Rater" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignAnswers");

            migrationBuilder.DropTable(
                name: "CampaignQuestions");

            migrationBuilder.DropTable(
                name: "Judgements");

            migrationBuilder.DropTable(
                name: "Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Answers_Origin_AskedAtUtc",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Origin",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_AskedAtUtc",
                table: "Answers",
                column: "AskedAtUtc");
        }
    }
}
