-- Original system (EntryLab / couponpro) database: FINAL shape.
--
-- Written from the description of the original system's schema (original-schema.md, itself describing
-- niallclarke-spec/couponpro at 4a20196, db.py DatabasePool.initialize_schema), section 2 "final state after
-- the latest code has booted at least twice". It is NOT the original DDL: it rebuilds the tables as a live
-- database shows them, quirks included (names left over from renames, dropped primary keys, nullable
-- tenant_id columns, columns that only exist because of a rename, a stray table).
--
-- Conventions kept from the original:
--   * every time column is `timestamp` (WITHOUT time zone) and holds naive UTC;
--   * decimal(p,s) is written numeric(p,s);
--   * only the 9 tenant_* / onboarding tables have a foreign key to tenants(id);
--   * the legacy tables' tenant_id is nullable with DEFAULT 'entrylab';
--   * columns that the original added later with ALTER TABLE ... ADD COLUMN come after the base columns.
-- Row-level security (migrations/rls_phase2.sql) is a manual script and is not applied here.
-- Non-constraint indexes described are included; where the description gives no name, the idx_* name here is
-- invented (nothing should depend on it).
--
-- Load into an EMPTY PostgreSQL 15 database:  psql -v ON_ERROR_STOP=1 -f schema.sql
-- (gen_random_uuid() is built in since PostgreSQL 13; no extension is needed.)

SET client_min_messages = warning;

---------------------------------------------------------------------------------------------------------
-- 2.1 tenants
---------------------------------------------------------------------------------------------------------
CREATE TABLE tenants (
    id              varchar(50) PRIMARY KEY,
    name            varchar(255) NOT NULL,
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    is_active       boolean DEFAULT TRUE,
    -- "Clerk Auth" block (later ADD). There is deliberately NO updated_at column.
    display_name    text,
    owner_email     text,
    status          text DEFAULT 'active',
    last_seen_at    timestamp
);

---------------------------------------------------------------------------------------------------------
-- 2.2 tenant_users
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.3 clerk_users (serial id, not the Clerk id; tenant_id has no FK)
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.4 tenant_integrations (secrets in config_json, plaintext)
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.5 onboarding_state
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.6 tenant_bot_connections (wide CHECK of the current CREATE; plaintext token and webhook secret)
---------------------------------------------------------------------------------------------------------
CREATE TABLE tenant_bot_connections (
    id                  serial PRIMARY KEY,
    tenant_id           varchar(100) NOT NULL REFERENCES tenants(id),
    bot_role            varchar(20) NOT NULL CHECK (bot_role IN ('signal', 'message', 'signal_bot', 'message_bot')),
    bot_token           text,
    bot_username        varchar(100),
    webhook_secret      varchar(100),
    webhook_url         text,
    channel_id          varchar(100),
    last_validated_at   timestamp,
    last_error          text,
    created_at          timestamp DEFAULT NOW(),
    updated_at          timestamp DEFAULT NOW(),
    -- later ADD (2025-12-16)
    vip_channel_id      varchar(100),
    free_channel_id     varchar(100),
    free_channel_link   varchar(255),
    UNIQUE (tenant_id, bot_role)
);
CREATE INDEX idx_tenant_bot_connections_tenant_id ON tenant_bot_connections(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.7 telegram_webhook_secrets (read by the code, never written by any code version)
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.8 tenant_telethon_credentials (2026-02-17; plaintext api_hash and phone)
---------------------------------------------------------------------------------------------------------
CREATE TABLE tenant_telethon_credentials (
    id          serial PRIMARY KEY,
    tenant_id   varchar(100) NOT NULL UNIQUE REFERENCES tenants(id),
    api_id      integer NOT NULL,
    api_hash    varchar(255) NOT NULL,
    phone       varchar(50) NOT NULL,
    created_at  timestamp DEFAULT NOW(),
    updated_at  timestamp DEFAULT NOW()
);
CREATE INDEX idx_tenant_telethon_credentials_tenant ON tenant_telethon_credentials(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.9 tenant_stripe_settings / tenant_stripe_products / tenant_stripe_prices (no keys stored here)
---------------------------------------------------------------------------------------------------------
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
    unit_amount              integer,              -- minor units
    recurring_interval       varchar(20),          -- day/week/month/year
    recurring_interval_count integer DEFAULT 1,
    nickname                 varchar(255),
    active                   boolean DEFAULT TRUE,
    type                     varchar(20) DEFAULT 'recurring',  -- 'recurring' | 'one_time'
    created_at               timestamp DEFAULT CURRENT_TIMESTAMP,
    updated_at               timestamp DEFAULT CURRENT_TIMESTAMP,
    UNIQUE (tenant_id, price_id)
);
CREATE INDEX idx_tenant_stripe_prices_tenant_id ON tenant_stripe_prices(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.10 processed_webhook_events (+ _old, + stray _v2) -- replayed as it happened (section 4, e2ab4f5)
---------------------------------------------------------------------------------------------------------
-- (a) The first table: global event_id key, no tenant.
CREATE TABLE processed_webhook_events (
    event_id        varchar(255) PRIMARY KEY,
    event_type      varchar(100),
    processed_at    timestamp DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX idx_processed_webhook_events_processed_at ON processed_webhook_events(processed_at);

-- (b) The tenant-scoped _v2 table.
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

-- (c) The swap. The live table keeps the _v2 names: processed_webhook_events_v2_pkey,
--     processed_webhook_events_v2_tenant_id_event_id_key, sequence processed_webhook_events_v2_id_seq,
--     idx_processed_webhook_events_v2_*. processed_webhook_events_old keeps idx_processed_webhook_events_processed_at.
ALTER TABLE processed_webhook_events RENAME TO processed_webhook_events_old;
ALTER TABLE processed_webhook_events_v2 RENAME TO processed_webhook_events;

-- (d) The next boot runs CREATE TABLE IF NOT EXISTS processed_webhook_events_v2 again and makes a new,
--     unused table. PostgreSQL gives it processed_webhook_events_v2_id_seq1, processed_webhook_events_v2_pkey1
--     and processed_webhook_events_v2_tenant_id_event_id_key1; its CREATE INDEX IF NOT EXISTS statements are
--     skipped because those index names already belong to the live table.
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

---------------------------------------------------------------------------------------------------------
-- 2.11 forex_signals (no FK to tenants; all prices numeric(10,2))
---------------------------------------------------------------------------------------------------------
CREATE TABLE forex_signals (
    id                      serial PRIMARY KEY,
    signal_type             varchar(10) NOT NULL,       -- 'BUY' / 'SELL'
    pair                    varchar(20) NOT NULL,
    timeframe               varchar(10) NOT NULL,
    entry_price             numeric(10,2) NOT NULL,
    take_profit             numeric(10,2),              -- TP1
    stop_loss               numeric(10,2),
    status                  varchar(20) DEFAULT 'pending',
    rsi_value               numeric(5,2),
    macd_value              numeric(10,4),
    atr_value               numeric(10,2),
    posted_at               timestamp DEFAULT CURRENT_TIMESTAMP,
    closed_at               timestamp,
    result_pips             numeric(10,2),
    -- later ADD columns (none NOT NULL)
    bot_type                varchar(20) DEFAULT 'aggressive',   -- too short for 'trend_pullback_multi_tp' (23 chars)
    telegram_message_id     bigint,
    tp1_message_id          bigint,
    tp2_message_id          bigint,
    tp3_message_id          bigint,
    breakeven_set           boolean DEFAULT FALSE,
    breakeven_price         numeric(10,2),
    close_price             numeric(10,2),
    effective_sl            numeric(10,2),
    take_profit_2           numeric(10,2),
    take_profit_3           numeric(10,2),
    guidance_count          integer DEFAULT 0,
    revalidation_count      integer DEFAULT 0,
    last_progress_zone      integer DEFAULT 0,
    last_caution_zone       integer DEFAULT 0,
    last_guidance_at        timestamp,
    last_revalidation_at    timestamp,
    thesis_changed_at       timestamp,
    tp1_hit_at              timestamp,
    tp2_hit_at              timestamp,
    tp3_hit_at              timestamp,
    breakeven_triggered_at  timestamp,
    last_milestone_at       timestamp,
    crosspromo_started_at   timestamp,
    indicators_used         jsonb,
    original_indicators_json jsonb,
    notes                   text,
    original_rsi            numeric(5,2),
    original_adx            numeric(5,2),
    original_stoch_k        numeric(5,2),
    original_macd           numeric(10,4),
    thesis_status           varchar(20) DEFAULT 'intact',
    timeout_notified        boolean DEFAULT FALSE,
    tp1_hit                 boolean DEFAULT FALSE,
    tp2_hit                 boolean DEFAULT FALSE,
    tp3_hit                 boolean DEFAULT FALSE,
    breakeven_triggered     boolean DEFAULT FALSE,
    tenant_id               varchar(50) DEFAULT 'entrylab',
    tp1_percentage          integer DEFAULT 100,
    tp2_percentage          integer DEFAULT 0,
    tp3_percentage          integer DEFAULT 0,
    milestones_sent         text DEFAULT '',
    crosspromo_status       varchar(20) DEFAULT 'none'
);
CREATE INDEX idx_forex_signals_status ON forex_signals(status);
CREATE INDEX idx_forex_signals_posted_at ON forex_signals(posted_at);
CREATE INDEX idx_forex_signals_bot_type ON forex_signals(bot_type);
CREATE INDEX idx_forex_signals_tenant_id ON forex_signals(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.12 forex_config (global UNIQUE(setting_key) was dropped by Phase 2B)
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.13 bot_config (setting_key was the PK; Phase 2B added id serial and re-created bot_config_pkey on it)
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.14 signal_narrative (NO tenant_id; tenant only through forex_signals)
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.15 recent_phrases
---------------------------------------------------------------------------------------------------------
CREATE TABLE recent_phrases (
    id          serial PRIMARY KEY,
    phrase_type varchar(50) NOT NULL,
    phrase_text text NOT NULL,
    used_at     timestamp DEFAULT CURRENT_TIMESTAMP,
    tenant_id   varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_recent_phrases_type_time ON recent_phrases(phrase_type, used_at DESC);
CREATE INDEX idx_recent_phrases_tenant_id ON recent_phrases(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.16 telegram_subscriptions (telegram_user_id and stripe_subscription_id stay GLOBALLY unique)
---------------------------------------------------------------------------------------------------------
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
    -- later ADD
    free_signup_at          timestamp,
    converted_at            timestamp,
    is_converted            boolean DEFAULT FALSE,
    conversion_days         integer,
    utm_source              varchar(255),
    utm_medium              varchar(255),
    utm_campaign            varchar(255),
    utm_content             varchar(255),
    utm_term                varchar(255),
    gclid                   varchar(255),
    fbclid                  varchar(255),
    tenant_id               varchar(50) DEFAULT 'entrylab',
    CONSTRAINT telegram_subscriptions_telegram_user_id_key UNIQUE (telegram_user_id),
    CONSTRAINT telegram_subscriptions_stripe_subscription_id_key UNIQUE (stripe_subscription_id),
    CONSTRAINT uq_telegram_subscriptions_tenant_email UNIQUE (tenant_id, email)
);
CREATE INDEX idx_telegram_subscriptions_email ON telegram_subscriptions(email);
CREATE INDEX idx_telegram_subscriptions_telegram_user_id ON telegram_subscriptions(telegram_user_id);
CREATE INDEX idx_telegram_subscriptions_status ON telegram_subscriptions(status);
CREATE INDEX idx_telegram_subscriptions_stripe_subscription_id ON telegram_subscriptions(stripe_subscription_id);
CREATE INDEX idx_telegram_subscriptions_is_converted ON telegram_subscriptions(is_converted);
CREATE INDEX idx_telegram_subscriptions_tenant_id ON telegram_subscriptions(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.17 bot_users: NO primary key, NO id column (bot_users_pkey on chat_id was dropped; chat_id kept NOT NULL)
---------------------------------------------------------------------------------------------------------
CREATE TABLE bot_users (
    chat_id             bigint NOT NULL,
    last_coupon_code    varchar(255),
    first_used          timestamp DEFAULT CURRENT_TIMESTAMP,
    last_used           timestamp DEFAULT CURRENT_TIMESTAMP,
    -- later ADD
    username            varchar(255),
    first_name          varchar(255),
    last_name           varchar(255),
    tenant_id           varchar(50) DEFAULT 'entrylab',
    CONSTRAINT uq_bot_users_tenant_chat UNIQUE (tenant_id, chat_id)
);
CREATE INDEX idx_bot_users_last_used ON bot_users(last_used);
CREATE INDEX idx_bot_users_tenant_id ON bot_users(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.18 bot_usage
---------------------------------------------------------------------------------------------------------
CREATE TABLE bot_usage (
    id              serial PRIMARY KEY,
    chat_id         bigint NOT NULL,
    template_slug   varchar(255),
    coupon_code     varchar(255),
    success         boolean NOT NULL,
    created_at      timestamp DEFAULT CURRENT_TIMESTAMP,
    -- later ADD
    error_type      varchar(100),
    device_type     varchar(20) DEFAULT 'unknown' CHECK (device_type IN ('mobile', 'desktop', 'tablet', 'unknown')),
    tenant_id       varchar(50) DEFAULT 'entrylab'
);
CREATE INDEX idx_bot_usage_created_at ON bot_usage(created_at);
CREATE INDEX idx_bot_usage_chat_id ON bot_usage(chat_id);
CREATE INDEX idx_bot_usage_tenant_id ON bot_usage(tenant_id);

---------------------------------------------------------------------------------------------------------
-- 2.19 broadcast_jobs
---------------------------------------------------------------------------------------------------------
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

---------------------------------------------------------------------------------------------------------
-- 2.20 campaigns / submissions (submissions has NO tenant_id; campaign_id is nullable)
---------------------------------------------------------------------------------------------------------
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
    -- later ADD
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

---------------------------------------------------------------------------------------------------------
-- 2.21 Journeys (native uuid ids; tenant_id columns have no FK)
---------------------------------------------------------------------------------------------------------
CREATE TABLE journeys (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id               varchar NOT NULL,
    bot_id                  varchar NOT NULL,
    name                    varchar NOT NULL,
    description             text,
    status                  varchar NOT NULL DEFAULT 'draft',
    re_entry_policy         varchar NOT NULL DEFAULT 'block',
    created_at              timestamp DEFAULT NOW(),
    updated_at              timestamp DEFAULT NOW(),
    priority_int            integer NOT NULL DEFAULT 0,
    is_locked               boolean NOT NULL DEFAULT FALSE,
    inactivity_timeout_days integer,
    welcome_message         text,
    -- section 4 quirk: welcome_delay_seconds was added, then renamed to start_delay_seconds; the ADD block
    -- still runs first on the next boot, so both exist. Only start_delay_seconds is used.
    start_delay_seconds     integer DEFAULT 0,
    welcome_delay_seconds   integer DEFAULT 0
);
CREATE INDEX idx_journeys_tenant_status ON journeys(tenant_id, status);

CREATE TABLE journey_triggers (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    journey_id      uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    trigger_type    varchar NOT NULL,
    trigger_config  jsonb NOT NULL DEFAULT '{}',
    is_active       boolean DEFAULT TRUE,
    created_at      timestamp DEFAULT NOW(),
    tenant_id       varchar(100)            -- later ADD 2026-02-15: nullable, no default
);
CREATE INDEX idx_journey_triggers_lookup ON journey_triggers(journey_id, trigger_type, is_active);
CREATE UNIQUE INDEX uq_journey_triggers_one_active ON journey_triggers(journey_id) WHERE is_active;

CREATE TABLE journey_steps (
    id                      uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    journey_id              uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    step_order              integer NOT NULL,
    step_type               varchar NOT NULL,
    config                  jsonb NOT NULL DEFAULT '{}',
    created_at              timestamp DEFAULT NOW(),
    -- later ADD; no FK on the branch targets
    branch_keyword          varchar,
    branch_true_step_id     uuid,
    branch_false_step_id    uuid
);
CREATE INDEX idx_journey_steps_journey_order ON journey_steps(journey_id, step_order);

CREATE TABLE journey_user_sessions (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           varchar NOT NULL,
    journey_id          uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    telegram_chat_id    bigint NOT NULL,
    telegram_user_id    bigint NOT NULL,
    current_step_id     uuid REFERENCES journey_steps(id),
    status              varchar NOT NULL DEFAULT 'active',
    answers             jsonb DEFAULT '{}',
    started_at          timestamp DEFAULT NOW(),
    completed_at        timestamp,
    last_activity_at    timestamp DEFAULT NOW(),
    -- later ADD
    wait_timeout_at     timestamp,
    reply_received_at   timestamp,
    welcome_sent_at     timestamp
);
CREATE INDEX idx_journey_sessions_lookup ON journey_user_sessions(tenant_id, journey_id, telegram_user_id, status);
CREATE INDEX idx_journey_sessions_user ON journey_user_sessions(tenant_id, telegram_user_id, status);
CREATE INDEX idx_journey_sessions_timeout ON journey_user_sessions(status, wait_timeout_at) WHERE status = 'awaiting_reply';
CREATE UNIQUE INDEX idx_journey_sessions_active_unique ON journey_user_sessions(journey_id, telegram_user_id)
    WHERE status IN ('active', 'waiting_delay');

CREATE TABLE journey_scheduled_messages (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id           varchar NOT NULL,
    session_id          uuid NOT NULL REFERENCES journey_user_sessions(id) ON DELETE CASCADE,
    step_id             uuid NOT NULL REFERENCES journey_steps(id),
    telegram_chat_id    bigint NOT NULL,
    message_content     jsonb NOT NULL DEFAULT '{}',
    scheduled_for       timestamp NOT NULL,
    status              varchar NOT NULL DEFAULT 'pending',
    sent_at             timestamp,
    error               text,
    created_at          timestamp DEFAULT NOW()
);
CREATE INDEX idx_journey_scheduled_status_time ON journey_scheduled_messages(status, scheduled_for);
CREATE INDEX idx_journey_scheduled_tenant_status_time ON journey_scheduled_messages(tenant_id, status, scheduled_for);

CREATE TABLE journey_step_analytics (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    step_id         uuid NOT NULL REFERENCES journey_steps(id) ON DELETE CASCADE,
    journey_id      uuid NOT NULL REFERENCES journeys(id) ON DELETE CASCADE,
    tenant_id       varchar(100) NOT NULL,
    sends           integer DEFAULT 0,
    unique_users    integer DEFAULT 0,
    reads           integer DEFAULT 0,
    link_clicks     integer DEFAULT 0,
    updated_at      timestamp DEFAULT NOW()
);
CREATE UNIQUE INDEX uq_step_analytics_step ON journey_step_analytics(step_id);

CREATE TABLE journey_link_clicks (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    track_id        varchar(32) NOT NULL UNIQUE,   -- first 16 hex chars of md5('<step_id>:<url>')
    step_id         uuid NOT NULL,                 -- no FK
    journey_id      uuid NOT NULL,                 -- no FK
    tenant_id       varchar(100) NOT NULL,
    destination_url text NOT NULL,
    created_at      timestamp DEFAULT NOW()
);

CREATE TABLE journey_inbound_dedupe (
    id          serial PRIMARY KEY,
    tenant_id   varchar(100) NOT NULL,
    chat_id     bigint NOT NULL,
    message_id  bigint NOT NULL,
    received_at timestamp DEFAULT NOW(),
    UNIQUE (tenant_id, chat_id, message_id)
);
CREATE INDEX idx_journey_inbound_dedupe_received_at ON journey_inbound_dedupe(received_at);

CREATE TABLE journey_api_event_fired (
    id              serial PRIMARY KEY,
    tenant_id       varchar(100) NOT NULL,
    event_name      varchar(100) NOT NULL,
    user_identifier varchar(255) NOT NULL,
    fired_at        timestamp DEFAULT NOW(),
    UNIQUE (tenant_id, event_name, user_identifier)
);

---------------------------------------------------------------------------------------------------------
-- 2.22 Hype chat (ids are varchar(36) holding UUID text)
---------------------------------------------------------------------------------------------------------
CREATE TABLE hype_prompts (
    id              varchar(36) PRIMARY KEY DEFAULT gen_random_uuid()::text,
    tenant_id       varchar(100) NOT NULL,
    name            varchar(200) NOT NULL,
    custom_prompt   text NOT NULL,
    is_default      boolean DEFAULT FALSE,
    created_at      timestamp DEFAULT NOW(),
    updated_at      timestamp DEFAULT NOW()
);
CREATE INDEX idx_hype_prompts_tenant_id ON hype_prompts(tenant_id);

CREATE TABLE hype_flows (
    id                      varchar(36) PRIMARY KEY,
    tenant_id               varchar(100) NOT NULL,
    prompt_id               varchar(36) REFERENCES hype_prompts(id) ON DELETE SET NULL,
    name                    varchar(200) NOT NULL,
    message_count           integer DEFAULT 3,
    interval_minutes        integer DEFAULT 90,
    delay_after_cta_minutes integer DEFAULT 10,
    active_days             varchar(20) DEFAULT 'mon-fri',
    status                  varchar(20) DEFAULT 'paused',
    created_at              timestamp DEFAULT NOW(),
    updated_at              timestamp DEFAULT NOW(),
    -- later ADD
    cta_enabled             boolean DEFAULT FALSE,
    cta_delay_minutes       integer DEFAULT 30,
    cta_intro_text          text,
    cta_vip_label           text,
    cta_vip_url             text,
    cta_support_label       text,
    cta_support_url         text,
    interval_max_minutes    integer DEFAULT 90,
    bump_enabled            boolean DEFAULT FALSE,
    bump_preset             varchar(50),
    bump_delay_minutes      integer DEFAULT 0,
    trigger_after_flow_id   varchar(36) REFERENCES hype_flows(id) ON DELETE SET NULL,
    trigger_delay_minutes   integer DEFAULT 0
);
CREATE INDEX idx_hype_flows_tenant_status ON hype_flows(tenant_id, status);

CREATE TABLE hype_messages (
    id                  varchar(36) PRIMARY KEY,
    flow_id             varchar(36) REFERENCES hype_flows(id) ON DELETE CASCADE,
    tenant_id           varchar(100) NOT NULL,
    step_number         integer NOT NULL,
    content_sent        text,
    telegram_message_id bigint,
    views_1hr           integer DEFAULT 0,
    views_24hr          integer DEFAULT 0,
    sent_at             timestamp DEFAULT NOW()
);
CREATE INDEX idx_hype_messages_flow_step ON hype_messages(flow_id, step_number);
CREATE INDEX idx_hype_messages_tenant_sent ON hype_messages(tenant_id, sent_at);

CREATE TABLE hype_flow_steps (                  -- NO tenant_id
    id                  varchar(36) PRIMARY KEY DEFAULT gen_random_uuid()::varchar,
    flow_id             varchar(36) NOT NULL REFERENCES hype_flows(id) ON DELETE CASCADE,
    step_order          integer NOT NULL DEFAULT 0,
    delay_minutes       integer NOT NULL DEFAULT 0,
    step_type           varchar(20) NOT NULL DEFAULT 'message',
    reforward_preset    varchar(50),
    message_text        text,
    cta_intro_text      text,
    cta_vip_label       varchar(200),
    cta_support_label   varchar(200),
    cta_vip_url         varchar(500),
    cta_support_url     varchar(500),
    created_at          timestamp DEFAULT NOW()
);
CREATE INDEX idx_hype_flow_steps_flow_order ON hype_flow_steps(flow_id, step_order);

---------------------------------------------------------------------------------------------------------
-- 2.23 Cross promo + markus_signal_pause (tenant_id without FK)
---------------------------------------------------------------------------------------------------------
CREATE TABLE tenant_crosspromo_settings (
    tenant_id               varchar PRIMARY KEY,
    enabled                 boolean NOT NULL DEFAULT FALSE,
    bot_role                varchar NOT NULL DEFAULT 'signal_bot',
    vip_channel_id          varchar,        -- never written or read
    free_channel_id         varchar,        -- never written or read
    cta_url                 varchar NOT NULL DEFAULT 'https://entrylab.io/subscribe',
    morning_post_time_utc   varchar DEFAULT '09:00',   -- "HH:MM" text, not time
    timezone                varchar DEFAULT 'UTC',     -- IANA name
    created_at              timestamp DEFAULT NOW(),
    updated_at              timestamp DEFAULT NOW(),
    -- later ADD
    vip_soon_delay_minutes  integer DEFAULT 45,
    recap_forward_time_utc  varchar DEFAULT '07:12',
    vip_soon_time_utc       varchar DEFAULT '07:51'
);

CREATE TABLE crosspromo_jobs (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    tenant_id   varchar NOT NULL,
    status      varchar NOT NULL DEFAULT 'queued',
    run_at      timestamp NOT NULL,
    job_type    varchar NOT NULL,
    payload     jsonb DEFAULT '{}',
    dedupe_key  varchar,
    error       text,
    created_at  timestamp DEFAULT NOW(),
    updated_at  timestamp DEFAULT NOW()
);
CREATE INDEX idx_crosspromo_jobs_tenant_status_run ON crosspromo_jobs(tenant_id, status, run_at);
CREATE UNIQUE INDEX idx_crosspromo_jobs_dedupe ON crosspromo_jobs(tenant_id, dedupe_key) WHERE dedupe_key IS NOT NULL;

CREATE TABLE markus_signal_pause (
    tenant_id   varchar PRIMARY KEY,
    reason      varchar NOT NULL,
    owner_id    varchar NOT NULL,
    started_at  timestamp NOT NULL DEFAULT NOW(),
    expires_at  timestamp NOT NULL
);
CREATE INDEX idx_markus_signal_pause_expires_at ON markus_signal_pause(expires_at);
