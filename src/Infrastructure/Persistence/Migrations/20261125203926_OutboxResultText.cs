using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxResultText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "result_text",
                table: "telegram_outbox",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "result_text",
                table: "telegram_outbox");
        }
    }
}
