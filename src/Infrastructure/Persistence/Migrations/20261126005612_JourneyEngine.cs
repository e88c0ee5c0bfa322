using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class JourneyEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_journey_scheduled_messages_journey_steps_step_id",
                table: "journey_scheduled_messages");

            migrationBuilder.AddColumn<int>(
                name: "retry_count",
                table: "journey_user_sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "steps_taken",
                table: "journey_user_sessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "journey_user_sessions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AlterColumn<Guid>(
                name: "step_id",
                table: "journey_scheduled_messages",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "journey_skips",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    journey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    telegram_user_id = table.Column<long>(type: "bigint", nullable: false),
                    trigger = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    reason = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_skips", x => x.id);
                    table.ForeignKey(
                        name: "fk_journey_skips_journeys_journey_id",
                        column: x => x.journey_id,
                        principalTable: "journeys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_journey_skips_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_tenant_id_session_id",
                table: "journey_scheduled_messages",
                columns: new[] { "tenant_id", "session_id" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_skips_journey_id",
                table: "journey_skips",
                column: "journey_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_skips_tenant_id_journey_id_occurred_at",
                table: "journey_skips",
                columns: new[] { "tenant_id", "journey_id", "occurred_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_journey_scheduled_messages_journey_steps_step_id",
                table: "journey_scheduled_messages",
                column: "step_id",
                principalTable: "journey_steps",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_journey_scheduled_messages_journey_steps_step_id",
                table: "journey_scheduled_messages");

            migrationBuilder.DropTable(
                name: "journey_skips");

            migrationBuilder.DropIndex(
                name: "ix_journey_scheduled_messages_tenant_id_session_id",
                table: "journey_scheduled_messages");

            migrationBuilder.DropColumn(
                name: "retry_count",
                table: "journey_user_sessions");

            migrationBuilder.DropColumn(
                name: "steps_taken",
                table: "journey_user_sessions");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "journey_user_sessions");

            migrationBuilder.AlterColumn<Guid>(
                name: "step_id",
                table: "journey_scheduled_messages",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AddForeignKey(
                name: "fk_journey_scheduled_messages_journey_steps_step_id",
                table: "journey_scheduled_messages",
                column: "step_id",
                principalTable: "journey_steps",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
