using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SubscriptionRowVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "telegram_subscriptions",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "telegram_subscriptions");
        }
    }
}
