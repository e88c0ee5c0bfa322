using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "cancel_at_period_end",
                table: "telegram_subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_event_at",
                table: "telegram_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "past_due_since",
                table: "telegram_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "renewal_reminder_sent_at",
                table: "telegram_subscriptions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "renews",
                table: "telegram_subscriptions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Rows from before: Stripe plans renew; a past_due row is active with its payment overdue since its last change.
            migrationBuilder.Sql("UPDATE telegram_subscriptions SET renews = (plan_type <> 'lifetime')");
            migrationBuilder.Sql("UPDATE telegram_subscriptions SET status = 'active', past_due_since = updated_at WHERE status = 'past_due'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cancel_at_period_end",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "last_event_at",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "past_due_since",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "renewal_reminder_sent_at",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "renews",
                table: "telegram_subscriptions");
        }
    }
}
