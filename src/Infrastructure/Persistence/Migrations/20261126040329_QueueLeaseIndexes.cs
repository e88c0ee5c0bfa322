using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QueueLeaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_leases",
                table: "telegram_updates",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_leases",
                table: "telegram_outbox",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_leases",
                table: "journey_scheduled_messages",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_leases",
                table: "domain_events",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_leases",
                table: "crosspromo_jobs",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_leases",
                table: "broadcast_jobs",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telegram_updates_leases",
                table: "telegram_updates");

            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_leases",
                table: "telegram_outbox");

            migrationBuilder.DropIndex(
                name: "ix_journey_scheduled_messages_leases",
                table: "journey_scheduled_messages");

            migrationBuilder.DropIndex(
                name: "ix_domain_events_leases",
                table: "domain_events");

            migrationBuilder.DropIndex(
                name: "ix_crosspromo_jobs_leases",
                table: "crosspromo_jobs");

            migrationBuilder.DropIndex(
                name: "ix_broadcast_jobs_leases",
                table: "broadcast_jobs");
        }
    }
}
