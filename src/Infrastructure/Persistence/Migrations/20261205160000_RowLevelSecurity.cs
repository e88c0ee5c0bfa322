using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The second wall: the application's and the system's roles, and forced row-level security on every table with a
    /// <c>tenant_id</c>. The application's role sees and writes the rows of the tenant its connection names in
    /// <c>app.tenant_id</c> (and, where a row may be the platform's, the platform's rows when it names none); the system
    /// role sees every row. A table added later with a <c>tenant_id</c> needs the same in its migration: a database test
    /// fails until it has it.
    /// </summary>
    [DbContext(typeof(AppDbContext))]
    [Migration("20261205160000_RowLevelSecurity")]
    public partial class RowLevelSecurity : Migration
    {
        private static readonly string[] TenantTables =
        [
            "bot_config", "bot_usage", "bot_users", "broadcast_deliveries", "broadcast_jobs", "campaign_entries", "campaigns",
            "channel_memberships", "coupon_code_checks", "coupon_codes", "coupon_images", "coupon_renders", "coupon_settings",
            "coupon_templates", "crosspromo_jobs", "domain_event_handlings", "domain_events", "forex_check_states", "forex_config",
            "forex_signals", "imported_rows", "journey_scheduled_messages", "journey_skips", "journey_steps", "journey_triggers",
            "journey_user_sessions", "journeys", "processed_webhook_events", "schedule_slots", "telegram_bot_senders",
            "telegram_outbox", "telegram_subscriptions", "telegram_updates", "tenant_bot_connections", "tenant_crosspromo_settings",
            "tenant_imports", "tenant_stripe_prices", "tenant_stripe_products", "tenant_stripe_settings", "tenant_users",
        ];

        /// <summary>Tables whose rows may be the platform's own (a null tenant).</summary>
        private static readonly string[] TenantOrPlatformTables = ["audit_log", "import_quarantine"];

        private const string Tenant = "current_setting('app.tenant_id', true)";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Roles belong to the cluster: another database may have made them already, perhaps at this very moment.
            migrationBuilder.Sql(
                """
                DO $$
                DECLARE
                    role_name text;
                BEGIN
                    FOREACH role_name IN ARRAY ARRAY['promostack_app', 'promostack_system'] LOOP
                        BEGIN
                            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
                                EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOBYPASSRLS', role_name);
                            END IF;
                        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                        END;
                        -- The owner's login may act as either role (Options=-c role=…) when no login of its own is configured.
                        IF NOT pg_has_role(current_user, role_name, 'MEMBER') THEN
                            EXECUTE format('GRANT %I TO %I', role_name, current_user);
                        END IF;
                    END LOOP;
                END
                $$;
                """);
            migrationBuilder.Sql(
                """
                GRANT USAGE ON SCHEMA public TO promostack_app, promostack_system;
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO promostack_app, promostack_system;
                REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM promostack_app, promostack_system;
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO promostack_app, promostack_system;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO promostack_app, promostack_system;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO promostack_app, promostack_system;
                """);

            foreach (var table in TenantTables)
            {
                Protect(migrationBuilder, table, $"tenant_id = {Tenant}", $"tenant_id = {Tenant}");
            }

            // A platform row is seen only without a tenant; as the application's save guard allows, a unit of work of a
            // tenant may write one (a platform operator's action inside a workspace) but never read it back.
            foreach (var table in TenantOrPlatformTables)
            {
                Protect(migrationBuilder, table,
                    $"tenant_id = {Tenant} OR (tenant_id IS NULL AND coalesce({Tenant}, '') = '')", $"tenant_id = {Tenant} OR tenant_id IS NULL");
            }
        }

        private static void Protect(MigrationBuilder migrationBuilder, string table, string visible, string writable) =>
            migrationBuilder.Sql(
                $"""
                ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
                ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON {table} USING ({visible}) WITH CHECK ({writable});
                CREATE POLICY system_role ON {table} TO promostack_system USING (true) WITH CHECK (true);
                """);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in TenantTables.Concat(TenantOrPlatformTables))
            {
                migrationBuilder.Sql(
                    $"""
                    DROP POLICY system_role ON {table};
                    DROP POLICY tenant_isolation ON {table};
                    ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY;
                    ALTER TABLE {table} DISABLE ROW LEVEL SECURITY;
                    """);
            }

            // The roles stay: other databases of the cluster may use them.
            migrationBuilder.Sql(
                """
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM promostack_app, promostack_system;
                ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT, UPDATE ON SEQUENCES FROM promostack_app, promostack_system;
                REVOKE ALL ON ALL TABLES IN SCHEMA public FROM promostack_app, promostack_system;
                REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM promostack_app, promostack_system;
                REVOKE USAGE ON SCHEMA public FROM promostack_app, promostack_system;
                """);
        }
    }
}
