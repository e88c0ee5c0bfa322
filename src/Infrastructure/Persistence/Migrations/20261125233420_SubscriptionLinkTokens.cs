using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionLinkTokens : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "link_token_expires_at",
                table: "telegram_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "link_token_hash",
                table: "telegram_subscriptions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_link_token_hash",
                table: "telegram_subscriptions",
                column: "link_token_hash",
                unique: true,
                filter: "link_token_hash IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telegram_subscriptions_link_token_hash",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "link_token_expires_at",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "link_token_hash",
                table: "telegram_subscriptions");
        }
    }
}
