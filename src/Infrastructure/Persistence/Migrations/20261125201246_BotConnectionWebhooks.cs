using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BotConnectionWebhooks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tenant_bot_connections_public_id",
                table: "tenant_bot_connections");

            migrationBuilder.AlterColumn<long>(
                name: "bot_telegram_id",
                table: "tenant_bot_connections",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "bot_token_hint",
                table: "tenant_bot_connections",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_bot_connections_public_id_bot_role",
                table: "tenant_bot_connections",
                columns: new[] { "public_id", "bot_role" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tenant_bot_connections_public_id_bot_role",
                table: "tenant_bot_connections");

            migrationBuilder.DropColumn(
                name: "bot_token_hint",
                table: "tenant_bot_connections");

            migrationBuilder.AlterColumn<long>(
                name: "bot_telegram_id",
                table: "tenant_bot_connections",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_bot_connections_public_id",
                table: "tenant_bot_connections",
                column: "public_id",
                unique: true);
        }
    }
}
