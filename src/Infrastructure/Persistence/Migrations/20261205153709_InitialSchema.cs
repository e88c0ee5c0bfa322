using System;
using System.Net;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PromoStack.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:btree_gist", ",,");

            migrationBuilder.CreateSequence(
                name: "audit_log_hilo",
                incrementBy: 10);

            migrationBuilder.CreateTable(
                name: "clerk_users",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_clerk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "import_quarantine",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    run_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    tenant_id = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    source_table = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    row = table.Column<string>(type: "jsonb", nullable: false),
                    quarantined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_import_quarantine", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_operators",
                columns: table => new
                {
                    clerk_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_operators", x => x.clerk_user_id);
                });

            migrationBuilder.CreateTable(
                name: "schedule_slots",
                columns: table => new
                {
                    job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    slot = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schedule_slots", x => new { x.job, x.tenant_id, x.slot });
                });

            migrationBuilder.CreateTable(
                name: "telegram_bot_senders",
                columns: table => new
                {
                    bot_telegram_id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    holder = table.Column<Guid>(type: "uuid", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_bot_senders", x => x.bot_telegram_id);
                });

            migrationBuilder.CreateTable(
                name: "tenants",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    timezone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, defaultValue: "UTC"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    site_origins = table.Column<string[]>(type: "text[]", nullable: false, defaultValueSql: "'{}'::text[]")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    user_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    user_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    platform_operator = table.Column<bool>(type: "boolean", nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    fields = table.Column<string>(type: "jsonb", nullable: false),
                    client_address = table.Column<IPAddress>(type: "inet", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_log", x => x.id);
                    table.ForeignKey(
                        name: "fk_audit_log_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bot_config",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    setting_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    setting_value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_config", x => x.id);
                    table.ForeignKey(
                        name: "fk_bot_config_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bot_usage",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: true),
                    template_slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    coupon_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    success = table.Column<bool>(type: "boolean", nullable: false),
                    error_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    device_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, defaultValue: "unknown"),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    size = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    web_client = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    partner_called = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_usage", x => x.id);
                    table.CheckConstraint("ck_bot_usage_device_type", "device_type IN ('unknown', 'mobile', 'desktop', 'tablet')");
                    table.ForeignKey(
                        name: "fk_bot_usage_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "bot_users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    first_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    last_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    last_coupon_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    is_blocked = table.Column<bool>(type: "boolean", nullable: false),
                    unsubscribed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    message_bot_last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    pending_confirmation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    pending_confirmation_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    coupon_first_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    coupon_last_seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    coupon_bot_blocked = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_bot_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_bot_users_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "broadcast_jobs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    message = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    audience = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    photo = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    buttons = table.Column<string>(type: "jsonb", nullable: true),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    recipients = table.Column<int>(type: "integer", nullable: true),
                    imported_sent = table.Column<int>(type: "integer", nullable: true),
                    imported_failed = table.Column<int>(type: "integer", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_broadcast_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_broadcast_jobs_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "campaigns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    prize = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    published_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    winner_entry_id = table.Column<int>(type: "integer", nullable: true),
                    drawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaigns", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaigns_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "channel_memberships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    channel_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    telegram_user_id = table.Column<long>(type: "bigint", nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    invite_link = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_channel_memberships_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coupon_code_checks",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    valid = table.Column<bool>(type: "boolean", nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_code_checks", x => new { x.tenant_id, x.code });
                    table.ForeignKey(
                        name: "fk_coupon_code_checks_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coupon_codes",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_codes", x => new { x.tenant_id, x.code });
                    table.ForeignKey(
                        name: "fk_coupon_codes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coupon_images",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_images", x => new { x.tenant_id, x.key });
                    table.ForeignKey(
                        name: "fk_coupon_images_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coupon_renders",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_renders", x => x.id);
                    table.ForeignKey(
                        name: "fk_coupon_renders_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coupon_settings",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    validation = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    code_pattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    partner = table.Column<string>(type: "jsonb", nullable: true),
                    link_template = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    checks_per_minute = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_coupon_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "coupon_templates",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    slug = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    telegram_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    web_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    logo = table.Column<string>(type: "jsonb", nullable: true),
                    variants = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coupon_templates", x => x.id);
                    table.ForeignKey(
                        name: "fk_coupon_templates_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "crosspromo_jobs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    job_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crosspromo_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_crosspromo_jobs_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "domain_events",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domain_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_domain_events_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "forex_check_states",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    checked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_candle_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    signal_id = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forex_check_states", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_forex_check_states_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "forex_config",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    setting_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    setting_value = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forex_config", x => x.id);
                    table.ForeignKey(
                        name: "fk_forex_config_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "imported_rows",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_table = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    target_table = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    target_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_imported_rows", x => new { x.tenant_id, x.source_table, x.source_key });
                    table.ForeignKey(
                        name: "fk_imported_rows_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journeys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    reentry_policy = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    inactivity_timeout_minutes = table.Column<int>(type: "integer", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journeys", x => x.id);
                    table.ForeignKey(
                        name: "fk_journeys_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "processed_webhook_events",
                columns: table => new
                {
                    event_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    event_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_webhook_events", x => new { x.tenant_id, x.event_id });
                    table.ForeignKey(
                        name: "fk_processed_webhook_events_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "telegram_outbox",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bot_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    bot_telegram_id = table.Column<long>(type: "bigint", nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    method = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    delivery = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    priority = table.Column<short>(type: "smallint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    depends_on_id = table.Column<long>(type: "bigint", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    telegram_message_id = table.Column<int>(type: "integer", nullable: true),
                    result_text = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    send_started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_telegram_outbox_telegram_outbox_depends_on_id",
                        column: x => x.depends_on_id,
                        principalTable: "telegram_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_telegram_outbox_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "telegram_subscriptions",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    payer_email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: true),
                    stripe_checkout_session_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    stripe_payment_intent_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    payment_failure_reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    stripe_customer_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    stripe_subscription_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    plan_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    telegram_user_id = table.Column<long>(type: "bigint", nullable: true),
                    telegram_username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    is_converted = table.Column<bool>(type: "boolean", nullable: false),
                    cancel_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    current_period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    renews = table.Column<bool>(type: "boolean", nullable: false),
                    cancel_at_period_end = table.Column<bool>(type: "boolean", nullable: false),
                    past_due_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_event_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    renewal_reminder_sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    link_token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    link_token_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    first_paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    is_demo = table.Column<bool>(type: "boolean", nullable: false, defaultValue: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_subscriptions", x => x.id);
                    table.ForeignKey(
                        name: "fk_telegram_subscriptions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "telegram_updates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bot_telegram_id = table.Column<long>(type: "bigint", nullable: false),
                    update_id = table.Column<long>(type: "bigint", nullable: false),
                    chat_id = table.Column<long>(type: "bigint", nullable: true),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_telegram_updates", x => x.id);
                    table.ForeignKey(
                        name: "fk_telegram_updates_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_bot_connections",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bot_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    bot_token = table.Column<string>(type: "text", nullable: false),
                    bot_token_hint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bot_username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    bot_telegram_id = table.Column<long>(type: "bigint", nullable: false),
                    channel_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    free_channel_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    webhook_secret = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false),
                    public_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_sandbox = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_bot_connections", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenant_bot_connections_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_crosspromo_settings",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    bot_role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    vip_channel_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    free_channel_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    cta_url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: true),
                    morning_post_time_utc = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    morning_post_time_local = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    timezone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    weekdays = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    teaser_offset_minutes = table.Column<int>(type: "integer", nullable: false),
                    winning_signals_per_day = table.Column<int>(type: "integer", nullable: false),
                    catch_up_minutes = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_crosspromo_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_tenant_crosspromo_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_imports",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    source_tenant_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    source = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    imported_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    report = table.Column<string>(type: "jsonb", nullable: false),
                    quarantined = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_imports", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_tenant_imports_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_stripe_prices",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stripe_price_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    stripe_product_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    unit_amount = table.Column<long>(type: "bigint", nullable: true),
                    recurring_interval = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    recurring_interval_count = table.Column<int>(type: "integer", nullable: true),
                    nickname = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_stripe_prices", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenant_stripe_prices_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_stripe_products",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stripe_product_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    active = table.Column<bool>(type: "boolean", nullable: false),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_stripe_products", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenant_stripe_products_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_stripe_settings",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    stripe_account_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    vip_product_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    vip_price_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    annual_price_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    lifetime_price_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    secret_key = table.Column<string>(type: "text", nullable: true),
                    webhook_secret = table.Column<string>(type: "text", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_stripe_settings", x => x.tenant_id);
                    table.ForeignKey(
                        name: "fk_tenant_stripe_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "tenant_users",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    clerk_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    invite_expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tenant_users", x => x.id);
                    table.ForeignKey(
                        name: "fk_tenant_users_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "campaign_entries",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    campaign_id = table.Column<int>(type: "integer", nullable: false),
                    email = table.Column<string>(type: "character varying(320)", maxLength: 320, nullable: false),
                    telegram_username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    social_links = table.Column<string>(type: "jsonb", nullable: false),
                    disqualified = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campaign_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_campaign_entries_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "campaigns",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_campaign_entries_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "domain_event_handlings",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_domain_event_handlings", x => new { x.event_id, x.handler });
                    table.ForeignKey(
                        name: "fk_domain_event_handlings_domain_events_event_id",
                        column: x => x.event_id,
                        principalTable: "domain_events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_domain_event_handlings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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

            migrationBuilder.CreateTable(
                name: "journey_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    journey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_order = table.Column<int>(type: "integer", nullable: false),
                    step_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    config = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_journey_steps_journeys_journey_id",
                        column: x => x.journey_id,
                        principalTable: "journeys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_journey_steps_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journey_triggers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    journey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    trigger_type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    trigger_config = table.Column<string>(type: "jsonb", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_triggers", x => x.id);
                    table.ForeignKey(
                        name: "fk_journey_triggers_journeys_journey_id",
                        column: x => x.journey_id,
                        principalTable: "journeys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_journey_triggers_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "forex_signals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    timeframe = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entry_price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    stop_loss = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    take_profit_1 = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    take_profit_2 = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    take_profit_3 = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    telegram_message_id = table.Column<int>(type: "integer", nullable: true),
                    indicators_used = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    symbol = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    strategy = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    current_stop = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: false),
                    partials = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    breakeven_after_tp1 = table.Column<bool>(type: "boolean", nullable: false),
                    trail_to_tp1_after_tp2 = table.Column<bool>(type: "boolean", nullable: false),
                    exit_price = table.Column<decimal>(type: "numeric(18,6)", precision: 18, scale: 6, nullable: true),
                    result_pips = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    result_r = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    close_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    monitored_through = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    telegram_post_outbox_id = table.Column<long>(type: "bigint", nullable: true),
                    targets_hit = table.Column<int>(type: "integer", nullable: false),
                    original_result_pips = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_forex_signals", x => x.id);
                    table.ForeignKey(
                        name: "fk_forex_signals_telegram_outbox_telegram_post_outbox_id",
                        column: x => x.telegram_post_outbox_id,
                        principalTable: "telegram_outbox",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_forex_signals_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journey_user_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    journey_id = table.Column<Guid>(type: "uuid", nullable: false),
                    telegram_chat_id = table.Column<long>(type: "bigint", nullable: false),
                    telegram_user_id = table.Column<long>(type: "bigint", nullable: false),
                    current_step_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    end_reason = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    steps_taken = table.Column<int>(type: "integer", nullable: false),
                    retry_count = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_activity_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_user_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_journey_user_sessions_journey_steps_current_step_id",
                        column: x => x.current_step_id,
                        principalTable: "journey_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_journey_user_sessions_journeys_journey_id",
                        column: x => x.journey_id,
                        principalTable: "journeys",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_journey_user_sessions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "journey_scheduled_messages",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tenant_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    session_id = table.Column<Guid>(type: "uuid", nullable: false),
                    step_id = table.Column<Guid>(type: "uuid", nullable: true),
                    telegram_chat_id = table.Column<long>(type: "bigint", nullable: false),
                    message_content = table.Column<string>(type: "jsonb", nullable: false),
                    scheduled_for = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false, defaultValue: 0),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    dedupe_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_journey_scheduled_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_journey_scheduled_messages_journey_steps_step_id",
                        column: x => x.step_id,
                        principalTable: "journey_steps",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_journey_scheduled_messages_journey_user_sessions_session_id",
                        column: x => x.session_id,
                        principalTable: "journey_user_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_journey_scheduled_messages_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_occurred_at",
                table: "audit_log",
                column: "occurred_at");

            migrationBuilder.CreateIndex(
                name: "ix_audit_log_tenant_id_occurred_at_id",
                table: "audit_log",
                columns: new[] { "tenant_id", "occurred_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_bot_config_tenant_id_setting_key",
                table: "bot_config",
                columns: new[] { "tenant_id", "setting_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bot_usage_tenant_id_chat_id_created_at",
                table: "bot_usage",
                columns: new[] { "tenant_id", "chat_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_usage_tenant_id_created_at",
                table: "bot_usage",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_usage_tenant_id_error_type_created_at",
                table: "bot_usage",
                columns: new[] { "tenant_id", "error_type", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_bot_users_tenant_id_chat_id",
                table: "bot_users",
                columns: new[] { "tenant_id", "chat_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_bot_users_tenant_id_created_at_chat_id",
                table: "bot_users",
                columns: new[] { "tenant_id", "created_at", "chat_id" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_deliveries_tenant_id_broadcast_id_status",
                table: "broadcast_deliveries",
                columns: new[] { "tenant_id", "broadcast_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_claim",
                table: "broadcast_jobs",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending', 'processing')");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_fair_claim",
                table: "broadcast_jobs",
                columns: new[] { "tenant_id", "next_attempt_at", "id" },
                filter: "status IN ('pending', 'processing')");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_leases",
                table: "broadcast_jobs",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_tenant_id_created_at",
                table: "broadcast_jobs",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_broadcast_jobs_tenant_id_dedupe_key",
                table: "broadcast_jobs",
                columns: new[] { "tenant_id", "dedupe_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaign_entries_campaign_id",
                table: "campaign_entries",
                column: "campaign_id");

            migrationBuilder.CreateIndex(
                name: "ix_campaign_entries_tenant_id_campaign_id_email",
                table: "campaign_entries",
                columns: new[] { "tenant_id", "campaign_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campaigns_tenant_id_status",
                table: "campaigns",
                columns: new[] { "tenant_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_channel_memberships_tenant_id_channel_kind_telegram_user_id",
                table: "channel_memberships",
                columns: new[] { "tenant_id", "channel_kind", "telegram_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_channel_memberships_tenant_id_telegram_user_id",
                table: "channel_memberships",
                columns: new[] { "tenant_id", "telegram_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_coupon_renders_created_at",
                table: "coupon_renders",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_coupon_renders_tenant_id_chat_id_created_at",
                table: "coupon_renders",
                columns: new[] { "tenant_id", "chat_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_coupon_templates_tenant_id_slug",
                table: "coupon_templates",
                columns: new[] { "tenant_id", "slug" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_claim",
                table: "crosspromo_jobs",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending', 'claimed')");

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_leases",
                table: "crosspromo_jobs",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_tenant_id_created_at",
                table: "crosspromo_jobs",
                columns: new[] { "tenant_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_crosspromo_jobs_tenant_id_dedupe_key",
                table: "crosspromo_jobs",
                columns: new[] { "tenant_id", "dedupe_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_domain_event_handlings_tenant_id",
                table: "domain_event_handlings",
                column: "tenant_id");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_claim",
                table: "domain_events",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending')");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_fair_claim",
                table: "domain_events",
                columns: new[] { "tenant_id", "next_attempt_at", "id" },
                filter: "status IN ('pending')");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_leases",
                table: "domain_events",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_tenant_id_dedupe_key",
                table: "domain_events",
                columns: new[] { "tenant_id", "dedupe_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_forex_config_tenant_id_setting_key",
                table: "forex_config",
                columns: new[] { "tenant_id", "setting_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_forex_signals_telegram_post_outbox_id",
                table: "forex_signals",
                column: "telegram_post_outbox_id");

            migrationBuilder.CreateIndex(
                name: "ix_forex_signals_tenant_id_status_created_at",
                table: "forex_signals",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_forex_signals_tenant_id_symbol_status",
                table: "forex_signals",
                columns: new[] { "tenant_id", "symbol", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_import_quarantine_run_id",
                table: "import_quarantine",
                column: "run_id");

            migrationBuilder.CreateIndex(
                name: "ix_import_quarantine_tenant_id_source_table",
                table: "import_quarantine",
                columns: new[] { "tenant_id", "source_table" });

            migrationBuilder.CreateIndex(
                name: "ix_imported_rows_tenant_id_target_table_target_key",
                table: "imported_rows",
                columns: new[] { "tenant_id", "target_table", "target_key" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_claim",
                table: "journey_scheduled_messages",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending')");

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_leases",
                table: "journey_scheduled_messages",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_session_id",
                table: "journey_scheduled_messages",
                column: "session_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_step_id",
                table: "journey_scheduled_messages",
                column: "step_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_scheduled_messages_tenant_id_dedupe_key",
                table: "journey_scheduled_messages",
                columns: new[] { "tenant_id", "dedupe_key" },
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "ix_journey_steps_journey_id",
                table: "journey_steps",
                column: "journey_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_steps_tenant_id_journey_id_step_order",
                table: "journey_steps",
                columns: new[] { "tenant_id", "journey_id", "step_order" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_triggers_journey_id",
                table: "journey_triggers",
                column: "journey_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_triggers_tenant_id_trigger_type_is_active",
                table: "journey_triggers",
                columns: new[] { "tenant_id", "trigger_type", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_journey_user_sessions_current_step_id",
                table: "journey_user_sessions",
                column: "current_step_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_user_sessions_journey_id",
                table: "journey_user_sessions",
                column: "journey_id");

            migrationBuilder.CreateIndex(
                name: "ix_journey_user_sessions_tenant_id_telegram_chat_id_status",
                table: "journey_user_sessions",
                columns: new[] { "tenant_id", "telegram_chat_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_journey_user_sessions_running",
                table: "journey_user_sessions",
                columns: new[] { "tenant_id", "journey_id", "telegram_chat_id" },
                unique: true,
                filter: "status IN ('active', 'waiting_delay', 'awaiting_reply')");

            migrationBuilder.CreateIndex(
                name: "ix_journeys_tenant_id_is_active",
                table: "journeys",
                columns: new[] { "tenant_id", "is_active" });

            migrationBuilder.CreateIndex(
                name: "ix_processed_webhook_events_processed_at",
                table: "processed_webhook_events",
                column: "processed_at");

            migrationBuilder.CreateIndex(
                name: "ix_processed_webhook_events_tenant_id_processed_at",
                table: "processed_webhook_events",
                columns: new[] { "tenant_id", "processed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_schedule_slots_completed_at",
                table: "schedule_slots",
                column: "completed_at");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_bot_telegram_id_status_next_attempt_at",
                table: "telegram_outbox",
                columns: new[] { "bot_telegram_id", "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_claim",
                table: "telegram_outbox",
                columns: new[] { "priority", "next_attempt_at", "id" },
                filter: "status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_depends_on_id",
                table: "telegram_outbox",
                column: "depends_on_id");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_leases",
                table: "telegram_outbox",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_tenant_id_chat_id_created_at",
                table: "telegram_outbox",
                columns: new[] { "tenant_id", "chat_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_tenant_id_dedupe_key",
                table: "telegram_outbox",
                columns: new[] { "tenant_id", "dedupe_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_tenant_id_status_created_at",
                table: "telegram_outbox",
                columns: new[] { "tenant_id", "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_outbox_unfinished_per_chat",
                table: "telegram_outbox",
                columns: new[] { "tenant_id", "bot_telegram_id", "chat_id", "id" },
                filter: "status IN ('pending', 'sending')");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_link_token_hash",
                table: "telegram_subscriptions",
                column: "link_token_hash",
                unique: true,
                filter: "link_token_hash IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_tenant_id_email",
                table: "telegram_subscriptions",
                columns: new[] { "tenant_id", "email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_tenant_id_status",
                table: "telegram_subscriptions",
                columns: new[] { "tenant_id", "status" });

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

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_tenant_id_stripe_subscription_id",
                table: "telegram_subscriptions",
                columns: new[] { "tenant_id", "stripe_subscription_id" },
                unique: true,
                filter: "stripe_subscription_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_subscriptions_tenant_id_telegram_user_id",
                table: "telegram_subscriptions",
                columns: new[] { "tenant_id", "telegram_user_id" });

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_claim",
                table: "telegram_updates",
                columns: new[] { "next_attempt_at", "id" },
                filter: "status IN ('pending', 'processing')");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_fair_claim",
                table: "telegram_updates",
                columns: new[] { "tenant_id", "next_attempt_at", "id" },
                filter: "status IN ('pending', 'processing')");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_leases",
                table: "telegram_updates",
                column: "locked_until",
                filter: "locked_until IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_received_at",
                table: "telegram_updates",
                column: "received_at");

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_tenant_id_bot_telegram_id_update_id",
                table: "telegram_updates",
                columns: new[] { "tenant_id", "bot_telegram_id", "update_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_tenant_id_dedupe_key",
                table: "telegram_updates",
                columns: new[] { "tenant_id", "dedupe_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_telegram_updates_unfinished_per_chat",
                table: "telegram_updates",
                columns: new[] { "tenant_id", "bot_telegram_id", "chat_id", "update_id" },
                filter: "status IN ('pending', 'processing')");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_bot_connections_bot_telegram_id",
                table: "tenant_bot_connections",
                column: "bot_telegram_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_bot_connections_public_id_bot_role",
                table: "tenant_bot_connections",
                columns: new[] { "public_id", "bot_role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tenant_bot_connections_tenant_id_bot_role",
                table: "tenant_bot_connections",
                columns: new[] { "tenant_id", "bot_role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tenant_stripe_prices_tenant_id_stripe_price_id",
                table: "tenant_stripe_prices",
                columns: new[] { "tenant_id", "stripe_price_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tenant_stripe_prices_tenant_id_stripe_product_id",
                table: "tenant_stripe_prices",
                columns: new[] { "tenant_id", "stripe_product_id" });

            migrationBuilder.CreateIndex(
                name: "ix_tenant_stripe_products_tenant_id_stripe_product_id",
                table: "tenant_stripe_products",
                columns: new[] { "tenant_id", "stripe_product_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_clerk_user_id",
                table: "tenant_users",
                column: "clerk_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_pending_email",
                table: "tenant_users",
                column: "email",
                filter: "clerk_user_id IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_tenant_id_clerk_user_id",
                table: "tenant_users",
                columns: new[] { "tenant_id", "clerk_user_id" },
                unique: true,
                filter: "clerk_user_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_tenant_users_tenant_id_email",
                table: "tenant_users",
                columns: new[] { "tenant_id", "email" },
                unique: true,
                filter: "email <> ''");

            // A live bot serves one workspace at a time (a workspace may use one bot for both roles); sandbox rows are
            // stand-ins with ids no real bot has. The model cannot express an exclusion constraint, so it lives here.
            migrationBuilder.Sql(
                """
                ALTER TABLE tenant_bot_connections ADD CONSTRAINT ex_tenant_bot_connections_one_workspace_per_bot
                    EXCLUDE USING gist (bot_telegram_id WITH =, tenant_id WITH <>) WHERE (NOT is_sandbox);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropTable(
                name: "bot_config");

            migrationBuilder.DropTable(
                name: "bot_usage");

            migrationBuilder.DropTable(
                name: "bot_users");

            migrationBuilder.DropTable(
                name: "broadcast_deliveries");

            migrationBuilder.DropTable(
                name: "campaign_entries");

            migrationBuilder.DropTable(
                name: "channel_memberships");

            migrationBuilder.DropTable(
                name: "clerk_users");

            migrationBuilder.DropTable(
                name: "coupon_code_checks");

            migrationBuilder.DropTable(
                name: "coupon_codes");

            migrationBuilder.DropTable(
                name: "coupon_images");

            migrationBuilder.DropTable(
                name: "coupon_renders");

            migrationBuilder.DropTable(
                name: "coupon_settings");

            migrationBuilder.DropTable(
                name: "coupon_templates");

            migrationBuilder.DropTable(
                name: "crosspromo_jobs");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "domain_event_handlings");

            migrationBuilder.DropTable(
                name: "forex_check_states");

            migrationBuilder.DropTable(
                name: "forex_config");

            migrationBuilder.DropTable(
                name: "forex_signals");

            migrationBuilder.DropTable(
                name: "import_quarantine");

            migrationBuilder.DropTable(
                name: "imported_rows");

            migrationBuilder.DropTable(
                name: "journey_scheduled_messages");

            migrationBuilder.DropTable(
                name: "journey_skips");

            migrationBuilder.DropTable(
                name: "journey_triggers");

            migrationBuilder.DropTable(
                name: "platform_operators");

            migrationBuilder.DropTable(
                name: "processed_webhook_events");

            migrationBuilder.DropTable(
                name: "schedule_slots");

            migrationBuilder.DropTable(
                name: "telegram_bot_senders");

            migrationBuilder.DropTable(
                name: "telegram_subscriptions");

            migrationBuilder.DropTable(
                name: "telegram_updates");

            migrationBuilder.DropTable(
                name: "tenant_bot_connections");

            migrationBuilder.DropTable(
                name: "tenant_crosspromo_settings");

            migrationBuilder.DropTable(
                name: "tenant_imports");

            migrationBuilder.DropTable(
                name: "tenant_stripe_prices");

            migrationBuilder.DropTable(
                name: "tenant_stripe_products");

            migrationBuilder.DropTable(
                name: "tenant_stripe_settings");

            migrationBuilder.DropTable(
                name: "tenant_users");

            migrationBuilder.DropTable(
                name: "broadcast_jobs");

            migrationBuilder.DropTable(
                name: "campaigns");

            migrationBuilder.DropTable(
                name: "domain_events");

            migrationBuilder.DropTable(
                name: "telegram_outbox");

            migrationBuilder.DropTable(
                name: "journey_user_sessions");

            migrationBuilder.DropTable(
                name: "journey_steps");

            migrationBuilder.DropTable(
                name: "journeys");

            migrationBuilder.DropTable(
                name: "tenants");

            migrationBuilder.DropSequence(
                name: "audit_log_hilo");
        }
    }
}
