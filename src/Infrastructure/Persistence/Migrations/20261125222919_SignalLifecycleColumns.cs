using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SignalLifecycleColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "breakeven_after_tp1",
                table: "forex_signals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "close_reason",
                table: "forex_signals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "current_stop",
                table: "forex_signals",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<decimal>(
                name: "exit_price",
                table: "forex_signals",
                type: "numeric(18,6)",
                precision: 18,
                scale: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "monitored_through",
                table: "forex_signals",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "partials",
                table: "forex_signals",
                type: "character varying(11)",
                maxLength: 11,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<decimal>(
                name: "result_pips",
                table: "forex_signals",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "result_r",
                table: "forex_signals",
                type: "numeric(18,4)",
                precision: 18,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "source",
                table: "forex_signals",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "strategy",
                table: "forex_signals",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "symbol",
                table: "forex_signals",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "targets_hit",
                table: "forex_signals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "trail_to_tp1_after_tp2",
                table: "forex_signals",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Signals from before these columns: their stop never moved, and they are the default instrument's, with
            // the default exits.
            migrationBuilder.Sql(
                "UPDATE forex_signals SET current_stop = stop_loss, symbol = 'XAU/USD', strategy = 'manual', source = 'live', " +
                "partials = '50/30/20', breakeven_after_tp1 = TRUE, trail_to_tp1_after_tp2 = TRUE, " +
                "targets_hit = CASE status WHEN 'TP1_HIT' THEN 1 WHEN 'TP2_HIT' THEN 2 WHEN 'TP3_HIT' THEN 3 ELSE 0 END");

            migrationBuilder.CreateIndex(
                name: "ix_forex_signals_tenant_id_symbol_status",
                table: "forex_signals",
                columns: new[] { "tenant_id", "symbol", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_forex_signals_tenant_id_symbol_status",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "breakeven_after_tp1",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "close_reason",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "current_stop",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "exit_price",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "monitored_through",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "partials",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "result_pips",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "result_r",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "source",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "strategy",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "symbol",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "targets_hit",
                table: "forex_signals");

            migrationBuilder.DropColumn(
                name: "trail_to_tp1_after_tp2",
                table: "forex_signals");
        }
    }
}
