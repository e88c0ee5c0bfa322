using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BroadcastDeliveries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "audience",
                table: "broadcast_jobs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "all");

            migrationBuilder.AddColumn<string>(
                name: "buttons",
                table: "broadcast_jobs",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "photo",
                table: "broadcast_jobs",
                type: "character varying(2048)",
                maxLength: 2048,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "recipients",
                table: "broadcast_jobs",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "started_at",
                table: "broadcast_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "broadcast_deliveries",
                columns: table => new
                {
                    broadcast_id = table.Column<int>(type: "integer", nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    outbox_id = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_deliveries", x => new { x.broadcast_id, x.chat_id });
                    table.ForeignKey(
                        name: "fk_broadcast_deliveries_broadcast_jobs_broadcast_id",
                        column: x => x.broadcast_id,
                        principalTable: "broadcast_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_broadcast_deliveries_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_deliveries_tenant_id_broadcast_id_status",
                table: "broadcast_deliveries",
                columns: new[] { "tenant_id", "broadcast_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "broadcast_deliveries");

            migrationBuilder.DropColumn(
                name: "audience",
                table: "broadcast_jobs");

            migrationBuilder.DropColumn(
                name: "buttons",
                table: "broadcast_jobs");

            migrationBuilder.DropColumn(
                name: "photo",
                table: "broadcast_jobs");

            migrationBuilder.DropColumn(
                name: "recipients",
                table: "broadcast_jobs");

            migrationBuilder.DropColumn(
                name: "started_at",
                table: "broadcast_jobs");
        }
    }
}
