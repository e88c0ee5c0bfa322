using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CheckoutOwnSubscriptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_processed_webhook_events",
                table: "processed_webhook_events");

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "telegram_subscriptions",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320);

            migrationBuilder.AddColumn<string>(
                name: "payer_email",
                table: "telegram_subscriptions",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payment_failure_reason",
                table: "telegram_subscriptions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stripe_checkout_session_id",
                table: "telegram_subscriptions",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "stripe_payment_intent_id",
                table: "telegram_subscriptions",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "outcome",
                table: "processed_webhook_events",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "applied");

            // Every event recorded so far was applied; new rows name their outcome.
            migrationBuilder.Sql("ALTER TABLE processed_webhook_events ALTER COLUMN outcome DROP DEFAULT;");

            migrationBuilder.AddColumn<string>(
                name: "reason",
                table: "processed_webhook_events",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_processed_webhook_events",
                table: "processed_webhook_events",
                columns: new[] { "tenant_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_tenant_id_stripe_customer_id",
                table: "telegram_subscriptions",
                columns: new[] { "tenant_id", "stripe_customer_id" },
                filter: "stripe_customer_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_tenant_id_stripe_payment_intent_id",
                table: "telegram_subscriptions",
                columns: new[] { "tenant_id", "stripe_payment_intent_id" },
                filter: "stripe_payment_intent_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_telegram_subscriptions_tenant_id_stripe_customer_id",
                table: "telegram_subscriptions");

            migrationBuilder.DropIndex(
                name: "ix_telegram_subscriptions_tenant_id_stripe_payment_intent_id",
                table: "telegram_subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "pk_processed_webhook_events",
                table: "processed_webhook_events");

            migrationBuilder.DropColumn(
                name: "payer_email",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "payment_failure_reason",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "stripe_checkout_session_id",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "stripe_payment_intent_id",
                table: "telegram_subscriptions");

            migrationBuilder.DropColumn(
                name: "outcome",
                table: "processed_webhook_events");

            migrationBuilder.DropColumn(
                name: "reason",
                table: "processed_webhook_events");

            migrationBuilder.AlterColumn<string>(
                name: "email",
                table: "telegram_subscriptions",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(320)",
                oldMaxLength: 320,
                oldNullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "pk_processed_webhook_events",
                table: "processed_webhook_events",
                column: "event_id");
        }
    }
}
