using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Persistence.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class CampaignOwner : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CreatedByUserId",
                table: "Campaigns",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CreatedByUserId",
                table: "Campaigns");
        }
    }
}
