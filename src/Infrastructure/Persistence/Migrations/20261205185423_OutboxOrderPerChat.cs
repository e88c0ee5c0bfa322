using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OutboxOrderPerChat : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_unfinished_per_chat",
                table: "telegram_outbox",
                columns: new[] { "tenant_id", "bot_telegram_id", "chat_id", "id" },
                filter: "status IN ('pending', 'sending')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_unfinished_per_chat",
                table: "telegram_outbox");
        }
    }
}
