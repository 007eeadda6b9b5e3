using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CampaignOverlapAndChecks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExcludedRatersJson",
                table: "Campaigns",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Guidelines",
                table: "Campaigns",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Overlap",
                table: "Campaigns",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CheckExpected",
                table: "CampaignQuestions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CampaignAssignments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Item = table.Column<int>(type: "INTEGER", nullable: false),
                    Rater = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CampaignAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CampaignAssignments_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAssignments_CampaignId_Item_Rater",
                table: "CampaignAssignments",
                columns: new[] { "CampaignId", "Item", "Rater" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CampaignAssignments_CampaignId_Rater",
                table: "CampaignAssignments",
                columns: new[] { "CampaignId", "Rater" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CampaignAssignments");

            migrationBuilder.DropColumn(
                name: "ExcludedRatersJson",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Guidelines",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "Overlap",
                table: "Campaigns");

            migrationBuilder.DropColumn(
                name: "CheckExpected",
                table: "CampaignQuestions");
        }
    }
}
