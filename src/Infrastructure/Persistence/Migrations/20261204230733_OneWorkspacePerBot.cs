using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OneWorkspacePerBot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A live bot serves one workspace at a time (a workspace may use one bot for both roles); sandbox rows are
            // stand-ins with ids no real bot has. The model cannot express an exclusion constraint, so it lives here.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS btree_gist;");
            migrationBuilder.Sql(
                """
                ALTER TABLE tenant_bot_connections ADD CONSTRAINT ex_tenant_bot_connections_one_workspace_per_bot
                    EXCLUDE USING gist (bot_telegram_id WITH =, tenant_id WITH <>) WHERE (NOT is_sandbox);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE tenant_bot_connections DROP CONSTRAINT ex_tenant_bot_connections_one_workspace_per_bot;");
        }
    }
}
