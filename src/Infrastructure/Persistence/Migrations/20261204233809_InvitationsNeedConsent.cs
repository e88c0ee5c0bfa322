using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InvitationsNeedConsent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tenant_users_clerk_user_id",
                table: "tenant_users");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "invite_expires_at",
                table: "tenant_users",
                type: "timestamp with time zone",
                nullable: true);

            // Invitations made before consent was needed get the usual lifetime from now.
            migrationBuilder.Sql("UPDATE tenant_users SET invite_expires_at = now() + interval '7 days' WHERE clerk_user_id IS NULL;");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_clerk_user_id",
                table: "tenant_users",
                column: "clerk_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_tenant_id_clerk_user_id",
                table: "tenant_users",
                columns: new[] { "tenant_id", "clerk_user_id" },
                unique: true,
                filter: "clerk_user_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tenant_users_clerk_user_id",
                table: "tenant_users");

            migrationBuilder.DropIndex(
                name: "ix_tenant_users_tenant_id_clerk_user_id",
                table: "tenant_users");

            migrationBuilder.DropColumn(
                name: "invite_expires_at",
                table: "tenant_users");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_clerk_user_id",
                table: "tenant_users",
                column: "clerk_user_id",
                unique: true);
        }
    }
}
