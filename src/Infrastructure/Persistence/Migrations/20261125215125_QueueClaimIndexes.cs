using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QueueClaimIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telegram_updates_status_next_attempt_at",
                table: "telegram_updates");

            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_status_next_attempt_at",
                table: "telegram_outbox");

            migrationBuilder.DropIndex(
                name: "ix_journey_scheduled_messages_status_next_attempt_at",
                table: "journey_scheduled_messages");

            migrationBuilder.DropIndex(
                name: "ix_domain_events_status_next_attempt_at",
                table: "domain_events");

            migrationBuilder.DropIndex(
                name: "ix_crosspromo_jobs_status_next_attempt_at",
                table: "crosspromo_jobs");

            migrationBuilder.DropIndex(
                name: "ix_broadcast_jobs_status_next_attempt_at",
                table: "broadcast_jobs");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_claim",
                table: "telegram_updates",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending', 'processing')");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_claim",
                table: "telegram_outbox",
                columns: new[] { "priority", "next_attempt_at", "id" },
                filter: "status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_claim",
                table: "journey_scheduled_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending')");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_claim",
                table: "domain_events",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending')");

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_claim",
                table: "crosspromo_jobs",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending', 'claimed')");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_claim",
                table: "broadcast_jobs",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending', 'processing')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telegram_updates_claim",
                table: "telegram_updates");

            migrationBuilder.DropIndex(
                name: "ix_telegram_outbox_claim",
                table: "telegram_outbox");

            migrationBuilder.DropIndex(
                name: "ix_journey_scheduled_messages_claim",
                table: "journey_scheduled_messages");

            migrationBuilder.DropIndex(
                name: "ix_domain_events_claim",
                table: "domain_events");

            migrationBuilder.DropIndex(
                name: "ix_crosspromo_jobs_claim",
                table: "crosspromo_jobs");

            migrationBuilder.DropIndex(
                name: "ix_broadcast_jobs_claim",
                table: "broadcast_jobs");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_status_next_attempt_at",
                table: "telegram_updates",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_status_next_attempt_at",
                table: "telegram_outbox",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_status_next_attempt_at",
                table: "journey_scheduled_messages",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_status_next_attempt_at",
                table: "domain_events",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_status_next_attempt_at",
                table: "crosspromo_jobs",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_status_next_attempt_at",
                table: "broadcast_jobs",
                columns: new[] { "status", "next_attempt_at" });
        }
    }
}
