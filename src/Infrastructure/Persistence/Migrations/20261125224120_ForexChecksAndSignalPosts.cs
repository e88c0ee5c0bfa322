using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ForexChecksAndSignalPosts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "telegram_post_outbox_id",
                table: "forex_signals",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "forex_check_states",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_candle_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signal_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forex_check_states", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_forex_check_states_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_forex_signals_telegram_post_outbox_id",
                table: "forex_signals",
                column: "telegram_post_outbox_id");

            migrationBuilder.AddForeignKey(
                name: "fk_forex_signals_telegram_outbox_telegram_post_outbox_id",
                table: "forex_signals",
                column: "telegram_post_outbox_id",
                principalTable: "telegram_outbox",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_forex_signals_telegram_outbox_telegram_post_outbox_id",
                table: "forex_signals");

            migrationBuilder.DropTable(
                name: "forex_check_states");

            migrationBuilder.DropIndex(
                name: "ix_forex_signals_telegram_post_outbox_id",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "telegram_post_outbox_id",
                table: "forex_signals");
        }
    }
}
