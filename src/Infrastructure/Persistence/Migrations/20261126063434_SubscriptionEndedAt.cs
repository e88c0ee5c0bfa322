using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionEndedAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ended_at",
                table: "telegram_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            // Before this column the last update of an ended subscription stood for its end.
            migrationBuilder.Sql("UPDATE telegram_subscriptions SET ended_at = updated_at WHERE status IN ('cancelled', 'expired') AND first_paid_at IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ended_at",
                table: "telegram_subscriptions");
        }
    }
}
