using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Workbench.Core.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnswerVerification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Notice",
                table: "Answers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RetrievedJson",
                table: "Answers",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Notice",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "RetrievedJson",
                table: "Answers");
        }
    }
}
