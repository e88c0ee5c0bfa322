using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionFirstPaidAt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "first_paid_at",
                table: "telegram_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            // Rows from before the column: whatever has been active (or ran a paid period) was paid for.
            migrationBuilder.Sql(
                "UPDATE telegram_subscriptions SET first_paid_at = created_at " +
                "WHERE status IN ('active', 'past_due', 'cancelled') OR (status = 'expired' AND current_period_end IS NOT NULL)");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "first_paid_at",
                table: "telegram_subscriptions");
        }
    }
}
