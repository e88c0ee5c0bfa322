using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TelegramOutboxSender : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "bot_telegram_id",
                table: "telegram_outbox",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "depends_on_id",
                table: "telegram_outbox",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "telegram_outbox",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<short>(
                name: "priority",
                table: "telegram_outbox",
                type: "smallint",
                nullable: false,
                defaultValue: (short)0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "send_started_at",
                table: "telegram_outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "telegram_bot_senders",
                columns: table => new
                {
                    bot_telegram_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    holder = table.Column<Guid>(type: "uuid", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_bot_senders", x => x.bot_telegram_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_bot_telegram_id_status_next_attempt_at",
                table: "telegram_outbox",
                columns: new[] { "bot_telegram_id", "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_depends_on_id",
                table: "telegram_outbox",
                column: "depends_on_id");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_tenant_id_status_created_at",
                table: "telegram_outbox",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_telegram_outbox_telegram_outbox_depends_on_id",
                table: "telegram_outbox",
                column: "depends_on_id",
                principalTable: "telegram_outbox",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_telegram_outbox_telegram_outbox_depends_on_id",
                table: "telegram_outbox");

            migrationBuilder.DropTable(
                name: "telegram_bot_senders");

            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_bot_telegram_id_status_next_attempt_at",
                table: "telegram_outbox");

            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_depends_on_id",
                table: "telegram_outbox");

            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_tenant_id_status_created_at",
                table: "telegram_outbox");

            migrationBuilder.DropColumn(
                name: "bot_telegram_id",
                table: "telegram_outbox");

            migrationBuilder.DropColumn(
                name: "depends_on_id",
                table: "telegram_outbox");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "telegram_outbox");

            migrationBuilder.DropColumn(
                name: "priority",
                table: "telegram_outbox");

            migrationBuilder.DropColumn(
                name: "send_started_at",
                table: "telegram_outbox");
        }
    }
}
