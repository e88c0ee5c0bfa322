using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CrosspromoSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "catch_up_minutes",
                table: "tenant_crosspromo_settings",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<int>(
                name: "teaser_offset_minutes",
                table: "tenant_crosspromo_settings",
                type: "integer",
                nullable: false,
                defaultValue: 120);

            migrationBuilder.AddColumn<int>(
                name: "winning_signals_per_day",
                table: "tenant_crosspromo_settings",
                type: "integer",
                nullable: false,
                defaultValue: 3);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "catch_up_minutes",
                table: "tenant_crosspromo_settings");

            migrationBuilder.DropColumn(
                name: "teaser_offset_minutes",
                table: "tenant_crosspromo_settings");

            migrationBuilder.DropColumn(
                name: "winning_signals_per_day",
                table: "tenant_crosspromo_settings");
        }
    }
}
