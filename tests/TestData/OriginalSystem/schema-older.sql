-- Original system (EntryLab / couponpro) database: an OLDER shape.
--
-- Written from the description of the original system's schema (original-schema.md, itself describing
-- niallclarke-spec/couponpro at 4a20196, db.py DatabasePool.initialize_schema), sections 2 and 4.
-- It stands for a database last booted by a version of about 2025-12-16 (aae035c / a563993): after the
-- tenant_id columns (2025-12-13), the processed_webhook_events swap (2025-12-13) and Phase 2B (112b8c3,
-- 2025-12-14), but BEFORE the journeys / hype / cross-promo work and the Telethon credentials.
-- It is a plausible reconstruction, not the DDL of one exact commit; README.md lists every difference from
-- schema.sql. In short:
--   * tables absent: journeys, journey_triggers, journey_steps, journey_user_sessions,
--     journey_scheduled_messages, journey_step_analytics, journey_link_clicks, journey_inbound_dedupe,
--     journey_api_event_fired, hype_prompts, hype_flows, hype_messages, hype_flow_steps,
--     tenant_crosspromo_settings, crosspromo_jobs, markus_signal_pause, tenant_telethon_credentials;
--   * tenant_bot_connections has the NARROW check (bot_role IN ('signal','message')) and only the legacy
--     channel_id (no vip_channel_id / free_channel_id / free_channel_link);
--   * later-ADD columns absent: tenants.display_name/owner_email/status/last_seen_at; the multi-TP and
--     cross-promo columns of forex_signals; bot_users.username/first_name/last_name; bot_usage.error_type;
--     the conversion and UTM columns of telegram_subscriptions.
-- Conventions as in schema.sql: timestamp WITHOUT time zone (naive UTC), numeric(p,s) for decimal(p,s).
--
-- Load into an EMPTY PostgreSQL 15 database:  psql -v ON_ERROR_STOP=1 -f schema-older.sql

SET client_min_messages = warning;

-- tenants: no "Clerk Auth" columns yet (display_name, owner_email, status, last_seen_at)
CREATE TABLE tenants (
    id              varchar(50) PRIMARY KEY,
    name            varchar(255) NOT NULL,
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    is_active       boolean DEFAULT TRUE
);

CREATE TABLE tenant_users (
    id              serial PRIMARY KEY,
    clerk_user_id   varchar(255) NOT NULL UNIQUE,
    tenant_id       varchar(50) NOT NULL REFERENCES tenants(id),
    email           varchar(255),
    role            varchar(50) DEFAULT 'member',
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_tenant_users_tenant_id ON tenant_users(tenant_id);
CREATE INDEX idx_tenant_users_email ON tenant_users(email);

CREATE TABLE clerk_users (
    id              serial PRIMARY KEY,
    clerk_user_id   text NOT NULL UNIQUE,
    email           text NOT NULL UNIQUE,
    name            text,
    avatar_url      text,
    role            text NOT NULL DEFAULT 'client',
    tenant_id       text,
    created_at      timestamp DEFAULT NOW(),
    last_login_at   timestamp
);
CREATE INDEX idx_clerk_users_email ON clerk_users(email);
CREATE INDEX idx_clerk_users_clerk_user_id ON clerk_users(clerk_user_id);

CREATE TABLE tenant_integrations (
    id              serial PRIMARY KEY,
    tenant_id       varchar(50) NOT NULL REFERENCES tenants(id),
    provider        varchar(50) NOT NULL,
    config_json     jsonb NOT NULL DEFAULT '{}',
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, provider)
);
CREATE INDEX idx_tenant_integrations_tenant_id ON tenant_integrations(tenant_id);

CREATE TABLE onboarding_state (
    tenant_id           varchar(50) PRIMARY KEY REFERENCES tenants(id),
    current_step        integer DEFAULT 1,
    telegram_completed  boolean DEFAULT FALSE,
    stripe_completed    boolean DEFAULT FALSE,
    business_completed  boolean DEFAULT FALSE,
    is_complete         boolean DEFAULT FALSE,
    progress_json       jsonb DEFAULT '{}',
    created_at          timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at          timestamp DEFAULT CURRENT_TIMESTAMP
);

-- tenant_bot_connections as first created: NARROW check, legacy channel_id only.
-- It rejects 'signal_bot' / 'message_bot' (check pg_constraint: tenant_bot_connections_bot_role_check).
CREATE TABLE tenant_bot_connections (
    id                  serial PRIMARY KEY,
    tenant_id           varchar(100) NOT NULL REFERENCES tenants(id),
    bot_role            varchar(20) NOT NULL CHECK (bot_role IN ('signal', 'message')),
    bot_token           text,
    bot_username        varchar(100),
    webhook_secret      varchar(100),
    webhook_url         text,
    channel_id          varchar(100),
    last_validated_at   timestamp,
    last_error          text,
    created_at          timestamp DEFAULT NOW(),
    updated_at          timestamp DEFAULT NOW(),
    UNIQUE (tenant_id, bot_role)
);
CREATE INDEX idx_tenant_bot_connections_tenant_id ON tenant_bot_connections(tenant_id);

CREATE TABLE telegram_webhook_secrets (
    id                  serial PRIMARY KEY,
    tenant_id           varchar(50) NOT NULL REFERENCES tenants(id),
    bot_id              varchar(255) NOT NULL,
    secret_token_hash   varchar(64) NOT NULL,
    created_at          timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at          timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, bot_id)
);
CREATE INDEX idx_telegram_webhook_secrets_hash ON telegram_webhook_secrets(secret_token_hash);

CREATE TABLE tenant_stripe_settings (
    tenant_id           varchar(50) PRIMARY KEY REFERENCES tenants(id),
    vip_product_id      varchar(255),
    vip_price_id        varchar(255),
    stripe_account_id   varchar(255),
    stripe_last_sync_at timestamp,
    created_at          timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at          timestamp DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE tenant_stripe_products (
    id          serial PRIMARY KEY,
    tenant_id   varchar(50) NOT NULL REFERENCES tenants(id),
    product_id  varchar(255) NOT NULL,
    name        varchar(255),
    description text,
    active      boolean DEFAULT TRUE,
    metadata    jsonb DEFAULT '{}',
    created_at  timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at  timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, product_id)
);
CREATE INDEX idx_tenant_stripe_products_tenant_id ON tenant_stripe_products(tenant_id);

CREATE TABLE tenant_stripe_prices (
    id                       serial PRIMARY KEY,
    tenant_id                varchar(50) NOT NULL REFERENCES tenants(id),
    price_id                 varchar(255) NOT NULL,
    product_id               varchar(255) NOT NULL,
    currency                 varchar(10),
    unit_amount              integer,
    recurring_interval       varchar(20),
    recurring_interval_count integer DEFAULT 1,
    nickname                 varchar(255),
    active                   boolean DEFAULT TRUE,
    type                     varchar(20) DEFAULT 'recurring',
    created_at               timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at               timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, price_id)
);
CREATE INDEX idx_tenant_stripe_prices_tenant_id ON tenant_stripe_prices(tenant_id);

-- processed_webhook_events: the 2025-12-13 swap had already happened (same replay as schema.sql).
CREATE TABLE processed_webhook_events (
    event_id        varchar(255) PRIMARY KEY,
    event_type      varchar(100),
    processed_at    timestamp DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_processed_webhook_events_processed_at ON processed_webhook_events(processed_at);
CREATE TABLE processed_webhook_events_v2 (
    id              serial PRIMARY KEY,
    tenant_id       varchar(50) NOT NULL DEFAULT 'entrylab',
    event_id        varchar(255) NOT NULL,
    event_source    varchar(50) NOT NULL DEFAULT 'stripe',
    processed_at    timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, event_id)
);
CREATE INDEX idx_processed_webhook_events_v2_tenant_id ON processed_webhook_events_v2(tenant_id);
CREATE INDEX idx_processed_webhook_events_v2_processed_at ON processed_webhook_events_v2(processed_at);
ALTER TABLE processed_webhook_events RENAME TO processed_webhook_events_old;
ALTER TABLE processed_webhook_events_v2 RENAME TO processed_webhook_events;
CREATE TABLE IF NOT EXISTS processed_webhook_events_v2 (
    id              serial PRIMARY KEY,
    tenant_id       varchar(50) NOT NULL DEFAULT 'entrylab',
    event_id        varchar(255) NOT NULL,
    event_source    varchar(50) NOT NULL DEFAULT 'stripe',
    processed_at    timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, event_id)
);
CREATE INDEX IF NOT EXISTS idx_processed_webhook_events_v2_tenant_id ON processed_webhook_events_v2(tenant_id);
CREATE INDEX IF NOT EXISTS idx_processed_webhook_events_v2_processed_at ON processed_webhook_events_v2(processed_at);

-- forex_signals: base columns, the "signal bot system", re-validation and zone columns, tenant_id.
-- Absent: take_profit_2/3, tp1/2/3_hit(_at), tp1/2/3_message_id, tp1/2/3_percentage, close_price, effective_sl,
-- breakeven_triggered(_at), milestones_sent, last_milestone_at, crosspromo_status, crosspromo_started_at.
CREATE TABLE forex_signals (
    id                      serial PRIMARY KEY,
    signal_type             varchar(10) NOT NULL,
    pair                    varchar(20) NOT NULL,
    timeframe               varchar(10) NOT NULL,
    entry_price             numeric(10,2) NOT NULL,
    take_profit             numeric(10,2),
    stop_loss               numeric(10,2),
    status                  varchar(20) DEFAULT 'pending',
    rsi_value               numeric(5,2),
    macd_value              numeric(10,4),
    atr_value               numeric(10,2),
    posted_at               timestamp DEFAULT CURRENT_TIMESTAMP,
    closed_at               timestamp,
    result_pips             numeric(10,2),
    bot_type                varchar(20) DEFAULT 'aggressive',
    telegram_message_id     bigint,
    breakeven_set           boolean DEFAULT FALSE,
    breakeven_price         numeric(10,2),
    guidance_count          integer DEFAULT 0,
    last_guidance_at        timestamp,
    indicators_used         jsonb,
    notes                   text,
    original_rsi            numeric(5,2),
    original_macd           numeric(10,4),
    original_adx            numeric(5,2),
    original_stoch_k        numeric(5,2),
    last_revalidation_at    timestamp,
    revalidation_count      integer DEFAULT 0,
    thesis_status           varchar(20) DEFAULT 'intact',
    thesis_changed_at       timestamp,
    timeout_notified        boolean DEFAULT FALSE,
    original_indicators_json jsonb,
    last_progress_zone      integer DEFAULT 0,
    last_caution_zone       integer DEFAULT 0,
    tenant_id               varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_forex_signals_status ON forex_signals(status);
CREATE INDEX idx_forex_signals_posted_at ON forex_signals(posted_at);
CREATE INDEX idx_forex_signals_bot_type ON forex_signals(bot_type);
CREATE INDEX idx_forex_signals_tenant_id ON forex_signals(tenant_id);

CREATE TABLE forex_config (
    id              serial PRIMARY KEY,
    setting_key     varchar(100) NOT NULL,
    setting_value   text,
    updated_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    tenant_id       varchar(50) DEFAULT 'entrylab',
    CONSTRAINT uq_forex_config_tenant_key UNIQUE (tenant_id, setting_key)
);
CREATE INDEX idx_forex_config_setting_key ON forex_config(setting_key);
CREATE INDEX idx_forex_config_tenant_id ON forex_config(tenant_id);

CREATE TABLE bot_config (
    setting_key     varchar(100) NOT NULL,
    setting_value   text,
    updated_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    tenant_id       varchar(50) DEFAULT 'entrylab',
    id              serial,
    CONSTRAINT bot_config_pkey PRIMARY KEY (id),
    CONSTRAINT uq_bot_config_tenant_key UNIQUE (tenant_id, setting_key)
);
CREATE INDEX idx_bot_config_tenant_id ON bot_config(tenant_id);

CREATE TABLE signal_narrative (
    id                  serial PRIMARY KEY,
    signal_id           integer REFERENCES forex_signals(id) ON DELETE CASCADE,
    event_type          varchar(50) NOT NULL,
    event_time          timestamp DEFAULT CURRENT_TIMESTAMP,
    current_price       numeric(10,2),
    progress_percent    numeric(5,2),
    indicators          jsonb,
    indicator_deltas    jsonb,
    guidance_type       varchar(50),
    message_sent        text,
    notes               text
);
CREATE INDEX idx_signal_narrative_signal_id ON signal_narrative(signal_id);
CREATE INDEX idx_signal_narrative_event_type ON signal_narrative(event_type);

CREATE TABLE recent_phrases (
    id          serial PRIMARY KEY,
    phrase_type varchar(50) NOT NULL,
    phrase_text text NOT NULL,
    used_at     timestamp DEFAULT CURRENT_TIMESTAMP,
    tenant_id   varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_recent_phrases_type_time ON recent_phrases(phrase_type, used_at DESC);
CREATE INDEX idx_recent_phrases_tenant_id ON recent_phrases(tenant_id);

-- telegram_subscriptions: no conversion (free_signup_at, converted_at, is_converted, conversion_days) and
-- no UTM/click-id (utm_*, gclid, fbclid) columns yet.
CREATE TABLE telegram_subscriptions (
    id                      serial PRIMARY KEY,
    email                   varchar(255) NOT NULL,
    name                    varchar(255),
    telegram_user_id        bigint,
    telegram_username       varchar(255),
    stripe_customer_id      varchar(255),
    stripe_subscription_id  varchar(255),
    plan_type               varchar(50),
    amount_paid             numeric(10,2),
    status                  varchar(50) DEFAULT 'pending',
    invite_link             text,
    joined_at               timestamp,
    last_seen_at            timestamp,
    revoked_at              timestamp,
    created_at              timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at              timestamp DEFAULT CURRENT_TIMESTAMP,
    tenant_id               varchar(50) DEFAULT 'entrylab',
    CONSTRAINT telegram_subscriptions_telegram_user_id_key UNIQUE (telegram_user_id),
    CONSTRAINT telegram_subscriptions_stripe_subscription_id_key UNIQUE (stripe_subscription_id),
    CONSTRAINT uq_telegram_subscriptions_tenant_email UNIQUE (tenant_id, email)
);
CREATE INDEX idx_telegram_subscriptions_email ON telegram_subscriptions(email);
CREATE INDEX idx_telegram_subscriptions_telegram_user_id ON telegram_subscriptions(telegram_user_id);
CREATE INDEX idx_telegram_subscriptions_status ON telegram_subscriptions(status);
CREATE INDEX idx_telegram_subscriptions_stripe_subscription_id ON telegram_subscriptions(stripe_subscription_id);
CREATE INDEX idx_telegram_subscriptions_tenant_id ON telegram_subscriptions(tenant_id);

-- bot_users: already without primary key (Phase 2B), but without the name columns.
CREATE TABLE bot_users (
    chat_id             bigint NOT NULL,
    last_coupon_code    varchar(255),
    first_used          timestamp DEFAULT CURRENT_TIMESTAMP,
    last_used           timestamp DEFAULT CURRENT_TIMESTAMP,
    tenant_id           varchar(50) DEFAULT 'entrylab',
    CONSTRAINT uq_bot_users_tenant_chat UNIQUE (tenant_id, chat_id)
);
CREATE INDEX idx_bot_users_last_used ON bot_users(last_used);
CREATE INDEX idx_bot_users_tenant_id ON bot_users(tenant_id);

-- bot_usage: device_type exists (added 2025-11-17), error_type does not.
CREATE TABLE bot_usage (
    id              serial PRIMARY KEY,
    chat_id         bigint NOT NULL,
    template_slug   varchar(255),
    coupon_code     varchar(255),
    success         boolean NOT NULL,
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    device_type     varchar(20) DEFAULT 'unknown' CHECK (device_type IN ('mobile', 'desktop', 'tablet', 'unknown')),
    tenant_id       varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_bot_usage_created_at ON bot_usage(created_at);
CREATE INDEX idx_bot_usage_chat_id ON bot_usage(chat_id);
CREATE INDEX idx_bot_usage_tenant_id ON bot_usage(tenant_id);

CREATE TABLE broadcast_jobs (
    id              serial PRIMARY KEY,
    message         text NOT NULL,
    target_days     integer NOT NULL,
    status          varchar(50) DEFAULT 'pending',
    total_users     integer DEFAULT 0,
    sent_count      integer DEFAULT 0,
    failed_count    integer DEFAULT 0,
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    completed_at    timestamp,
    tenant_id       varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_broadcast_jobs_status ON broadcast_jobs(status);
CREATE INDEX idx_broadcast_jobs_tenant_id ON broadcast_jobs(tenant_id);

CREATE TABLE campaigns (
    id          serial PRIMARY KEY,
    title       varchar(255) NOT NULL,
    description text,
    start_date  timestamp NOT NULL,
    end_date    timestamp NOT NULL,
    prize       text,
    platforms   jsonb DEFAULT '[]',
    status      varchar(50) DEFAULT 'scheduled',
    created_at  timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at  timestamp DEFAULT CURRENT_TIMESTAMP,
    overlay_url text,
    tenant_id   varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_campaigns_tenant_id ON campaigns(tenant_id);

CREATE TABLE submissions (
    id              serial PRIMARY KEY,
    campaign_id     integer REFERENCES campaigns(id) ON DELETE CASCADE,
    email           varchar(255) NOT NULL,
    instagram_url   text,
    twitter_url     text,
    facebook_url    text,
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_submissions_campaign_id ON submissions(campaign_id);
