-- Seed rows for schema.sql (the original system's FINAL shape). See README.md for the per-table expectations.
--
-- Load after schema.sql:  psql -v ON_ERROR_STOP=1 -f schema.sql -f seed.sql
--
-- Tenants: 'entrylab' (the original's own tenant) and 'tenant_3fa9c2d1' (auto-provisioned, not a valid
-- PromoStack slug). 'ghost' (bot_users orphan) and 'stripe' (idempotency pseudo-tenant) are NOT tenants.
-- The snapshot is "taken" at 2026-05-04 09:30 UTC; every timestamp is naive UTC.
-- Every secret is fake and recognisable (contains "Fake"/"fake"). Deliberately bad rows are marked "BAD:".

SET client_encoding = 'UTF8';
SET client_min_messages = warning;

BEGIN;

---------------------------------------------------------------------------------------------------------
-- tenants
---------------------------------------------------------------------------------------------------------
INSERT INTO tenants (id, name, created_at, is_active, display_name, owner_email, status, last_seen_at) VALUES
('entrylab',        'EntryLab',  '2025-11-03 09:12:44', TRUE, 'EntryLab', 'niall@entrylab.io',     'active', '2026-05-04 09:05:12'),
-- display_name stays NULL: onboarding's update_tenant_display_name() also sets the missing updated_at column and fails.
('tenant_3fa9c2d1', 'Apex Gold', '2026-01-20 14:05:33', TRUE, NULL,       'apexgoldfx@gmail.com',  'active', '2026-05-03 22:41:09');

---------------------------------------------------------------------------------------------------------
-- tenant_users / clerk_users
---------------------------------------------------------------------------------------------------------
INSERT INTO tenant_users (id, clerk_user_id, tenant_id, email, role, created_at) VALUES
(1, 'user_2FakeEntrylabOwner0001', 'entrylab',        'niall@entrylab.io',    'owner',  '2025-11-03 09:12:44'),
(2, 'user_2FakeEntrylabAdmin0002', 'entrylab',        'ops@entrylab.io',      'admin',  '2025-12-15 11:00:00'),
(3, 'user_2FakeEntrylabMembr0003', 'entrylab',        'analyst@entrylab.io',  'member', '2026-02-02 08:30:00'),
(4, 'user_2FakeApexOwner00000004', 'tenant_3fa9c2d1', 'apexgoldfx@gmail.com', 'owner',  '2026-01-20 14:05:33'),
(5, 'user_2FakeApexMember0000005', 'tenant_3fa9c2d1', 'va.apexgold@gmail.com','member', '2026-03-11 16:45:00');

-- clerk_users.tenant_id: NULL for admins, the email local part for clients (no FK; it does not match tenant_users).
INSERT INTO clerk_users (id, clerk_user_id, email, name, avatar_url, role, tenant_id, created_at, last_login_at) VALUES
(1, 'user_2FakeEntrylabOwner0001', 'niall@entrylab.io',    'Niall C',    'https://img.clerk.com/fake-avatar-0001.png', 'admin',  NULL,          '2025-11-03 09:12:44', '2026-05-04 08:59:30'),
(2, 'user_2FakeEntrylabAdmin0002', 'ops@entrylab.io',      'Ops Team',   NULL,                                          'admin',  NULL,          '2025-12-15 11:00:00', '2026-05-02 10:15:00'),
(3, 'user_2FakeApexOwner00000004', 'apexgoldfx@gmail.com', 'Apex Owner', 'https://img.clerk.com/fake-avatar-0004.png', 'client', 'apexgoldfx',  '2026-01-20 14:05:20', '2026-05-03 22:41:09');

---------------------------------------------------------------------------------------------------------
-- tenant_integrations (plaintext secrets in config_json)
---------------------------------------------------------------------------------------------------------
INSERT INTO tenant_integrations (id, tenant_id, provider, config_json, created_at, updated_at) VALUES
(1, 'entrylab', 'telegram',
 '{"bot_token": "7000000001:AAFakeEntrylabSignal-0123456789abcd", "bot_username": "EntryLabSignalsBot", "bot_name": "EntryLab Signals", "free_channel_id": "-1001000000002", "vip_channel_id": "-1001000000001", "verified_at": "2025-12-16T10:02:11.123456"}',
 '2025-12-16 10:02:11', '2025-12-16 10:02:11'),
-- BAD: config_json is a JSON array instead of an object (EntryLab's real Stripe keys live in environment variables).
(2, 'entrylab', 'stripe', '[]', '2025-12-20 12:00:00', '2025-12-20 12:00:00'),
-- The telegram bot_token here is an OLDER token than tenant_bot_connections id 3 holds (the owner rotated it later).
(3, 'tenant_3fa9c2d1', 'telegram',
 '{"bot_token": "7000000011:AAFakeApexGoldOldTok-0123456789abcd", "bot_username": "ApexGoldSignalsBot", "bot_name": "Apex Gold Signals", "free_channel_id": "-1002000000002", "vip_channel_id": "-1002000000001", "verified_at": "2026-01-20T14:20:45.000917"}',
 '2026-01-20 14:20:45', '2026-01-20 14:20:45'),
(4, 'tenant_3fa9c2d1', 'stripe',
 '{"secret_key": "sk_test_51FakeApexGoldSecret0123456789abcdef", "publishable_key": "pk_test_51FakeApexGoldPublishable0123456789abcdef", "webhook_secret": "whsec_FakeApexGoldWebhookSecret0123456789abcdef", "is_live": false, "verified_at": "2026-01-21T09:14:03.551203"}',
 '2026-01-21 09:14:03', '2026-01-21 09:14:03');

---------------------------------------------------------------------------------------------------------
-- onboarding_state
---------------------------------------------------------------------------------------------------------
INSERT INTO onboarding_state (tenant_id, current_step, telegram_completed, stripe_completed, business_completed, is_complete, progress_json, created_at, updated_at) VALUES
('entrylab', 5, TRUE, TRUE, TRUE, TRUE,
 '{"telegram": {"bot_username": "EntryLabSignalsBot"}, "stripe": {"is_live": true}, "business": {"business_name": "EntryLab", "website": "https://entrylab.io"}}',
 '2025-12-16 09:58:00', '2025-12-20 12:00:00'),
('tenant_3fa9c2d1', 4, TRUE, TRUE, FALSE, FALSE,
 '{"telegram": {"bot_username": "ApexGoldSignalsBot"}, "stripe": {"is_live": false}}',
 '2026-01-20 14:05:33', '2026-01-21 09:14:03');

---------------------------------------------------------------------------------------------------------
-- tenant_bot_connections (plaintext token; webhook secret also inside webhook_url)
---------------------------------------------------------------------------------------------------------
INSERT INTO tenant_bot_connections (id, tenant_id, bot_role, bot_token, bot_username, webhook_secret, webhook_url, channel_id,
                                    last_validated_at, last_error, created_at, updated_at, vip_channel_id, free_channel_id, free_channel_link) VALUES
(1, 'entrylab', 'signal_bot', '7000000001:AAFakeEntrylabSignal-0123456789abcd', 'EntryLabSignalsBot',
 'FakeWebhookSecret-EntrylabSignal-0123456789', 'https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-EntrylabSignal-0123456789',
 '-1001000000001', '2026-05-04 06:00:00', NULL, '2025-12-16 10:00:00', '2026-05-04 06:00:00',
 '-1001000000001', '-1001000000002', 'https://t.me/+FakeEntrylabFreeLink'),
(2, 'entrylab', 'message_bot', '7000000002:AAFakeEntrylabMessage0123456789abcd', 'EntryLabMessageBot',
 'FakeWebhookSecret-EntrylabMessage-012345678', 'https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-EntrylabMessage-012345678',
 '-1001000000003', '2026-05-04 06:00:00', NULL, '2025-12-16 10:05:00', '2026-05-04 06:00:00',
 NULL, NULL, NULL),
(3, 'tenant_3fa9c2d1', 'signal_bot', '7000000011:AAFakeApexGoldSignal-0123456789abcd', 'ApexGoldSignalsBot',
 'FakeWebhookSecret-ApexGoldSignal-0123456789', 'https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-ApexGoldSignal-0123456789',
 NULL, '2026-05-03 12:00:00', NULL, '2026-01-20 14:21:00', '2026-03-02 08:00:00',
 '-1002000000001', '-1002000000002', 'https://t.me/+FakeApexFreeLink'),
(4, 'tenant_3fa9c2d1', 'message_bot', '7000000012:AAFakeApexGoldMessage0123456789abcd', 'ApexGoldMessageBot',
 'FakeWebhookSecret-ApexGoldMessage-012345678', 'https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-ApexGoldMessage-012345678',
 NULL, '2026-04-30 07:00:00', 'Unauthorized: bot token is invalid', '2026-01-22 10:00:00', '2026-04-30 07:00:00',
 NULL, NULL, NULL);

---------------------------------------------------------------------------------------------------------
-- telegram_webhook_secrets: no code version writes this table; these two rows only exist so the importer's
-- handling of it (a SHA-256 hash cannot be turned back into a secret) is exercised.
---------------------------------------------------------------------------------------------------------
INSERT INTO telegram_webhook_secrets (id, tenant_id, bot_id, secret_token_hash, created_at, updated_at) VALUES
(1, 'entrylab',        '7000000001', 'bd176925b80ed6230afd2c1eac901adcd1175a7cc6b667d894507688ab96bf1c', '2025-12-16 10:00:00', '2025-12-16 10:00:00'),
(2, 'tenant_3fa9c2d1', '7000000011', 'ba353ead43ffe6d56999e7ab0cba00e8a92f8f9d95f2c3887bd1d37e9837d9ac', '2026-01-20 14:21:00', '2026-01-20 14:21:00');

---------------------------------------------------------------------------------------------------------
-- tenant_telethon_credentials (plaintext api_hash and phone; fictional phone ranges)
---------------------------------------------------------------------------------------------------------
INSERT INTO tenant_telethon_credentials (id, tenant_id, api_id, api_hash, phone, created_at, updated_at) VALUES
(1, 'entrylab',        20000001, 'fakeApiHashEntrylab0123456789abc', '+447700900001', '2026-02-17 12:00:00', '2026-02-17 12:00:00'),
(2, 'tenant_3fa9c2d1', 20000002, 'fakeApiHashApexGold0123456789abc', '+12025550143',  '2026-02-25 18:30:00', '2026-03-01 09:00:00');

---------------------------------------------------------------------------------------------------------
-- Stripe catalogue
---------------------------------------------------------------------------------------------------------
INSERT INTO tenant_stripe_settings (tenant_id, vip_product_id, vip_price_id, stripe_account_id, stripe_last_sync_at, created_at, updated_at) VALUES
('entrylab',        'prod_FakeEntrylabMonthly', 'price_FakeEntrylabMonthly', NULL,                '2026-05-01 06:00:00', '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
('tenant_3fa9c2d1', 'prod_FakeApexVip',         'price_FakeApexMonthly',     'acct_FakeApex0001', '2026-04-28 10:00:00', '2026-01-21 09:15:00', '2026-04-28 10:00:00');

INSERT INTO tenant_stripe_products (id, tenant_id, product_id, name, description, active, metadata, created_at, updated_at) VALUES
(1, 'entrylab',        'prod_FakeEntrylabMonthly',  'VIP Monthly',   'Gold signals, billed monthly', TRUE,  '{}',                       '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
(2, 'entrylab',        'prod_FakeEntrylabAnnual',   'VIP Annual',    'Gold signals, billed yearly',  TRUE,  '{}',                       '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
(3, 'entrylab',        'prod_FakeEntrylabLifetime', 'Lifetime VIP',  'One payment, lifetime access', TRUE,  '{"tier": "lifetime"}',     '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
(4, 'tenant_3fa9c2d1', 'prod_FakeApexVip',          'Apex Gold VIP', NULL,                           TRUE,  '{}',                       '2026-01-21 09:15:00', '2026-04-28 10:00:00'),
(5, 'tenant_3fa9c2d1', 'prod_FakeApexOld',          'Apex Trial',    'Retired weekly trial',         FALSE, '{"retired": "2026-03"}',   '2026-01-21 09:15:00', '2026-04-28 10:00:00');

INSERT INTO tenant_stripe_prices (id, tenant_id, price_id, product_id, currency, unit_amount, recurring_interval, recurring_interval_count, nickname, active, type, created_at, updated_at) VALUES
(1, 'entrylab',        'price_FakeEntrylabMonthly',  'prod_FakeEntrylabMonthly',  'usd', 4900,  'month', 1,    'Monthly',  TRUE,  'recurring', '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
(2, 'entrylab',        'price_FakeEntrylabAnnual',   'prod_FakeEntrylabAnnual',   'usd', 39900, 'year',  1,    'Annual',   TRUE,  'recurring', '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
(3, 'entrylab',        'price_FakeEntrylabLifetime', 'prod_FakeEntrylabLifetime', 'usd', 49900, NULL,    NULL, 'Lifetime', TRUE,  'one_time',  '2025-12-20 12:00:00', '2026-05-01 06:00:00'),
(4, 'tenant_3fa9c2d1', 'price_FakeApexMonthly',      'prod_FakeApexVip',          'gbp', 2900,  'month', 1,    NULL,       TRUE,  'recurring', '2026-01-21 09:15:00', '2026-04-28 10:00:00'),
(5, 'tenant_3fa9c2d1', 'price_FakeApexWeekly',       'prod_FakeApexOld',          'gbp', 900,   'week',  1,    'Trial',    FALSE, 'recurring', '2026-01-21 09:15:00', '2026-04-28 10:00:00');

---------------------------------------------------------------------------------------------------------
-- processed_webhook_events (live, tenant 'stripe'), _old (pre-swap), _v2 (stray snapshot copy)
---------------------------------------------------------------------------------------------------------
INSERT INTO processed_webhook_events (id, tenant_id, event_id, event_source, processed_at) VALUES
(1, 'stripe', 'evt_1FakeCheckoutCompleted0001',   'stripe', '2026-05-03 18:00:05'),
(2, 'stripe', 'evt_1FakeInvoicePaid00000002',     'stripe', '2026-05-03 18:00:09'),
(3, 'stripe', 'evt_1FakeSubscriptionDeleted0003', 'stripe', '2026-05-04 02:11:40');

INSERT INTO processed_webhook_events_old (event_id, event_type, processed_at) VALUES
('evt_1FakeOldInvoicePaid000001', 'invoice.paid',               '2025-12-10 08:15:00'),
('evt_1FakeOldCheckout00000002',  'checkout.session.completed', '2025-12-12 19:40:00');

INSERT INTO processed_webhook_events_v2 (id, tenant_id, event_id, event_source, processed_at) VALUES
(1, 'entrylab', 'evt_1FakeOldInvoicePaid000001', 'stripe', '2025-12-10 08:15:00'),
(2, 'entrylab', 'evt_1FakeOldCheckout00000002',  'stripe', '2025-12-12 19:40:00');

---------------------------------------------------------------------------------------------------------
-- forex_signals (XAU/USD, 2 decimals; result_pips = price distance x 10)
-- bot_type is varchar(20), so 'trend_pullback_multi_tp' (23 characters) cannot be stored here: in the original,
-- saving a signal of that strategy fails. That strategy name appears only in bot_config (a text column).
---------------------------------------------------------------------------------------------------------
INSERT INTO forex_signals (id, tenant_id, signal_type, pair, timeframe, bot_type, status,
    entry_price, stop_loss, take_profit, take_profit_2, take_profit_3, tp1_percentage, tp2_percentage, tp3_percentage,
    rsi_value, macd_value, atr_value, posted_at, telegram_message_id,
    tp1_hit, tp1_hit_at, tp1_message_id, tp2_hit, tp2_hit_at, tp2_message_id, tp3_hit, tp3_hit_at, tp3_message_id,
    breakeven_set, breakeven_triggered, breakeven_price, breakeven_triggered_at, effective_sl,
    close_price, closed_at, result_pips, timeout_notified,
    thesis_status, thesis_changed_at, crosspromo_status, crosspromo_started_at, milestones_sent, last_milestone_at, notes) VALUES
-- 1: won, TP1 + TP2 hit, then stopped at breakeven
(1, 'entrylab', 'BUY', 'XAU/USD', '15min', 'aggressive', 'won',
    4052.30, 4044.30, 4058.30, 4062.30, 4068.30, 40, 30, 30,
    58.40, 1.2345, 4.10, '2025-11-18 09:15:00', 41001,
    TRUE, '2025-11-18 09:42:10', 41005, TRUE, '2025-11-18 10:21:45', 41009, FALSE, NULL, NULL,
    TRUE, TRUE, 4052.30, '2025-11-18 09:42:40', 4052.30,
    4052.30, '2025-11-18 13:40:00', 100.00, FALSE,
    'intact', NULL, 'complete', '2025-11-18 09:43:00', 'k1,k2,', '2025-11-18 10:21:45', NULL),
-- 2: won, all three TPs
(2, 'entrylab', 'SELL', 'XAU/USD', '15min', 'aggressive', 'won',
    4215.80, 4223.80, 4209.80, 4205.80, 4199.80, 50, 30, 20,
    41.25, -0.8710, 3.95, '2025-12-03 14:30:00', 42117,
    TRUE, '2025-12-03 14:52:30', 42120, TRUE, '2025-12-03 15:20:05', 42126, TRUE, '2025-12-03 16:07:40', 42131,
    TRUE, TRUE, 4215.80, '2025-12-03 14:53:00', 4215.80,
    4199.80, '2025-12-03 16:07:40', 160.00, FALSE,
    'intact', NULL, 'complete', '2025-12-03 14:53:10', 'k1,k2,k3,', '2025-12-03 16:07:40', NULL),
-- 3: lost, no TP hit (single-TP strategy: no TP2/TP3)
(3, 'entrylab', 'BUY', 'XAU/USD', '1h', 'conservative', 'lost',
    4188.40, 4176.40, 4200.40, NULL, NULL, 100, 0, 0,
    35.10, -0.4120, 6.20, '2025-12-09 10:00:00', 42290,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    4176.40, '2025-12-09 13:12:00', -120.00, FALSE,
    'broken', '2025-12-09 12:40:00', 'none', NULL, '', NULL, NULL),
-- 4: lost after TP1, breakeven moved, stopped at entry
(4, 'entrylab', 'SELL', 'XAU/USD', '15min', 'raja_banks', 'lost',
    4462.50, 4470.50, 4456.50, 4452.50, 4446.50, 100, 0, 0,
    63.80, 0.9520, 4.40, '2026-01-14 08:45:00', 44512,
    TRUE, '2026-01-14 09:05:20', 44519, FALSE, NULL, NULL, FALSE, NULL, NULL,
    TRUE, TRUE, 4462.50, '2026-01-14 09:05:50', 4462.50,
    4462.50, '2026-01-14 10:30:00', 0.00, FALSE,
    'weakening', '2026-01-14 09:50:00', 'started', '2026-01-14 09:06:00', 'k1,', '2026-01-14 09:05:20', NULL),
-- 5: expired (timeout, closed at market)
(5, 'entrylab', 'BUY', 'XAU/USD', '15min', 'aggressive', 'expired',
    4538.20, 4530.20, 4544.20, 4548.20, 4554.20, 100, 0, 0,
    44.60, 0.1130, 3.80, '2026-02-10 15:00:00', 45801,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    4539.45, '2026-02-10 19:00:00', 12.50, TRUE,
    'intact', NULL, 'none', NULL, '', NULL, NULL),
-- 6: pending = open, nothing hit yet
(6, 'entrylab', 'SELL', 'XAU/USD', '15min', 'conservative', 'pending',
    4610.75, 4618.75, 4604.75, 4600.75, 4594.75, 40, 30, 30,
    66.90, 1.4410, 4.05, '2026-05-04 08:30:00', 48250,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    NULL, NULL, NULL, FALSE,
    'intact', NULL, 'none', NULL, 'k1,', '2026-05-04 09:10:00', NULL),
-- 7: draft (not posted to Telegram yet)
(7, 'entrylab', 'BUY', 'XAU/USD', '15min', 'aggressive', 'draft',
    4598.10, 4590.10, 4604.10, 4608.10, 4614.10, 100, 0, 0,
    38.70, -0.2210, 3.90, '2026-05-04 09:25:00', NULL,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    NULL, NULL, NULL, FALSE,
    'intact', NULL, 'none', NULL, '', NULL, NULL),
-- 8: broadcast_failed
(8, 'entrylab', 'SELL', 'XAU/USD', '15min', 'raja_banks', 'broadcast_failed',
    4571.35, 4579.35, 4565.35, 4561.35, 4555.35, 100, 0, 0,
    61.20, 0.7730, 4.25, '2026-04-22 13:15:00', NULL,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    NULL, NULL, NULL, FALSE,
    'intact', NULL, 'none', NULL, '', NULL, 'Telegram post failed: Bad Request: chat not found'),
-- 9: closed, written by the crosspromo test seed (timeframe '1H', notes '[TEST_SEED]')
(9, 'entrylab', 'BUY', 'XAU/USD', '1H', 'aggressive', 'closed',
    4480.00, 4470.00, 4490.00, 4495.00, 4500.00, 100, 0, 0,
    NULL, NULL, NULL, '2026-03-05 10:00:00', 46600,
    TRUE, '2026-03-05 10:40:00', 46604, TRUE, '2026-03-05 11:30:00', 46609, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    4495.00, '2026-03-05 11:30:00', 150.00, FALSE,
    'intact', NULL, 'complete', '2026-03-05 10:41:00', '', NULL, '[TEST_SEED] crosspromo winning-signal test'),
-- 10: BAD: unknown status vocabulary 'weird'
(10, 'entrylab', 'BUY', 'XAU/USD', '15min', 'aggressive', 'weird',
    4502.60, 4494.60, 4508.60, 4512.60, 4518.60, 100, 0, 0,
    47.00, 0.0520, 3.70, '2026-03-18 09:00:00', 47020,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    NULL, NULL, NULL, FALSE,
    'intact', NULL, 'none', NULL, '', NULL, NULL),
-- 11: tenant_3fa9c2d1, won, single TP
(11, 'tenant_3fa9c2d1', 'BUY', 'XAU/USD', '1h', 'conservative', 'won',
    4395.20, 4383.20, 4407.20, NULL, NULL, 100, 0, 0,
    33.40, -0.6650, 6.00, '2026-02-16 09:00:00', 310,
    TRUE, '2026-02-16 11:14:00', 318, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    4407.20, '2026-02-16 11:14:00', 120.00, FALSE,
    'intact', NULL, 'none', NULL, 'k1,', '2026-02-16 11:14:00', NULL),
-- 12: tenant_3fa9c2d1, lost
(12, 'tenant_3fa9c2d1', 'SELL', 'XAU/USD', '15min', 'aggressive', 'lost',
    4521.90, 4529.90, 4515.90, 4511.90, 4505.90, 100, 0, 0,
    64.10, 0.8840, 4.15, '2026-03-02 14:00:00', 402,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    4529.90, '2026-03-02 14:47:00', -80.00, FALSE,
    'broken', '2026-03-02 14:30:00', 'none', NULL, '', NULL, NULL),
-- 13: tenant_3fa9c2d1, pending (open) with TP1 already hit and breakeven moved
(13, 'tenant_3fa9c2d1', 'BUY', 'XAU/USD', '15min', 'raja_banks', 'pending',
    4588.40, 4580.40, 4594.40, 4598.40, 4604.40, 40, 30, 30,
    42.20, -0.1020, 4.00, '2026-05-04 07:45:00', 655,
    TRUE, '2026-05-04 08:20:15', 659, FALSE, NULL, NULL, FALSE, NULL, NULL,
    TRUE, TRUE, 4588.40, '2026-05-04 08:20:45', 4588.40,
    NULL, NULL, NULL, FALSE,
    'intact', NULL, 'started', '2026-05-04 08:21:00', 'k1,', '2026-05-04 08:20:15', NULL),
-- 14: tenant_3fa9c2d1, expired
(14, 'tenant_3fa9c2d1', 'SELL', 'XAU/USD', '15min', 'raja_banks', 'expired',
    4566.00, 4574.00, 4560.00, 4556.00, 4550.00, 100, 0, 0,
    59.90, 0.4470, 4.30, '2026-04-08 16:00:00', 590,
    FALSE, NULL, NULL, FALSE, NULL, NULL, FALSE, NULL, NULL,
    FALSE, FALSE, NULL, NULL, NULL,
    4563.20, '2026-04-08 20:00:00', 28.00, TRUE,
    'intact', NULL, 'none', NULL, '', NULL, NULL);

-- Indicator snapshots and guidance counters on a few rows (the rest keep the column defaults).
UPDATE forex_signals SET
    indicators_used = '{"rsi": 58.4, "adx": 27.1, "macd": 1.2345, "ema200": 4031.5, "stoch_k": 71.2}',
    original_indicators_json = '{"rsi": 58.4, "adx": 27.1, "macd": 1.2345, "stoch_k": 71.2}',
    original_rsi = 58.40, original_adx = 27.10, original_stoch_k = 71.20, original_macd = 1.2345,
    guidance_count = 2, last_guidance_at = '2025-11-18 11:30:00', last_progress_zone = 2
WHERE id = 1;
UPDATE forex_signals SET
    indicators_used = '{"rsi": 63.8, "adx": 22.4, "macd": 0.952}',
    original_indicators_json = '{"rsi": 63.8, "adx": 22.4, "macd": 0.952, "stoch_k": 80.3}',
    original_rsi = 63.80, original_adx = 22.40, original_stoch_k = 80.30, original_macd = 0.9520,
    revalidation_count = 3, last_revalidation_at = '2026-01-14 10:15:00', last_caution_zone = 1
WHERE id = 4;
UPDATE forex_signals SET guidance_count = 1, last_guidance_at = '2026-05-04 09:10:00', last_progress_zone = 1 WHERE id = 6;

---------------------------------------------------------------------------------------------------------
-- signal_narrative (no tenant_id; tenant comes from the signal)
---------------------------------------------------------------------------------------------------------
INSERT INTO signal_narrative (id, signal_id, event_type, event_time, current_price, progress_percent, indicators, indicator_deltas, guidance_type, message_sent, notes) VALUES
(1,  1,  'entry',           '2025-11-18 09:15:00', 4052.30, 0.00,   '{"rsi": 58.4, "adx": 27.1}', NULL, NULL, 'BUY XAU/USD @ 4052.30', NULL),
(2,  1,  'tp1_hit',         '2025-11-18 09:42:10', 4058.30, 37.50,  NULL, NULL, NULL, 'TP1 hit (+60 pips)', NULL),
(3,  1,  'breakeven_alert', '2025-11-18 09:42:40', 4058.10, 36.25,  NULL, NULL, 'breakeven', 'Move your stop to entry 4052.30', NULL),
(4,  1,  'tp2_hit',         '2025-11-18 10:21:45', 4062.30, 62.50,  NULL, NULL, NULL, 'TP2 hit (+100 pips)', NULL),
(5,  1,  'guidance_sent',   '2025-11-18 11:30:00', 4060.00, 48.13,  '{"rsi": 61.0, "adx": 24.9}', '{"rsi": 2.6, "adx": -2.2}', 'progress', 'Holding above TP1, let it run', NULL),
(6,  1,  'sl_hit',          '2025-11-18 13:40:00', 4052.30, 0.00,   NULL, NULL, NULL, NULL, 'Stopped at breakeven after TP2'),
(7,  2,  'entry',           '2025-12-03 14:30:00', 4215.80, 0.00,   '{"rsi": 41.25}', NULL, NULL, 'SELL XAU/USD @ 4215.80', NULL),
(8,  2,  'tp3_hit',         '2025-12-03 16:07:40', 4199.80, 100.00, NULL, NULL, NULL, 'All three targets hit (+160 pips)', NULL),
(9,  3,  'thesis_check',    '2025-12-09 11:00:00', 4184.00, -36.67, '{"rsi": 31.0}', '{"rsi": -4.1}', 'caution', 'Momentum fading, watch 4180', NULL),
(10, 3,  'thesis_broken',   '2025-12-09 12:40:00', 4179.90, -70.83, NULL, NULL, 'decision', 'Thesis broken, consider closing early', NULL),
(11, 3,  'sl_hit',          '2025-12-09 13:12:00', 4176.40, -100.00,NULL, NULL, NULL, 'Stop loss hit (-120 pips)', NULL),
(12, 5,  'timeout',         '2026-02-10 19:00:00', 4539.45, 20.83,  NULL, NULL, NULL, 'Signal expired after 4 hours', NULL),
(13, 11, 'tp_hit',          '2026-02-16 11:14:00', 4407.20, 100.00, NULL, NULL, NULL, 'Target hit (+120 pips)', NULL);

---------------------------------------------------------------------------------------------------------
-- forex_config (all values are text)
---------------------------------------------------------------------------------------------------------
INSERT INTO forex_config (id, tenant_id, setting_key, setting_value, updated_at) VALUES
-- seeded on every boot for entrylab (section 7)
(1,  'entrylab', 'rsi_oversold',                   '40',   '2025-11-03 09:12:44'),
(2,  'entrylab', 'rsi_overbought',                 '60',   '2025-11-03 09:12:44'),
(3,  'entrylab', 'adx_threshold',                  '15',   '2025-11-03 09:12:44'),
(4,  'entrylab', 'atr_sl_multiplier',              '2.0',  '2025-11-03 09:12:44'),
(5,  'entrylab', 'atr_tp_multiplier',              '4.0',  '2025-11-03 09:12:44'),
(6,  'entrylab', 'trading_start_hour',             '8',    '2025-11-03 09:12:44'),
(7,  'entrylab', 'trading_end_hour',               '22',   '2025-11-03 09:12:44'),
(8,  'entrylab', 'daily_loss_cap_pips',            '50.0', '2025-11-03 09:12:44'),
(9,  'entrylab', 'back_to_back_throttle_minutes',  '30',   '2025-11-03 09:12:44'),
(10, 'entrylab', 'session_filter_enabled',         'true', '2025-11-03 09:12:44'),
(11, 'entrylab', 'session_start_hour_utc',         '8',    '2025-11-03 09:12:44'),
(12, 'entrylab', 'session_end_hour_utc',           '21',   '2025-11-03 09:12:44'),
-- written by the scheduler
(13, 'entrylab', 'last_daily_recap',               '2026-05-03', '2026-05-03 21:00:02'),
(14, 'entrylab', 'last_weekly_recap',              '18',         '2026-05-01 21:00:03'),
(15, 'entrylab', 'last_morning_briefing_recap',    '2026-05-04', '2026-05-04 07:00:01'),
(16, 'entrylab', 'last_crosspromo_daily_recap',    '2026-05-03', '2026-05-03 21:05:00'),
(17, 'entrylab', 'last_daily_msg_id_recap',        '48213',      '2026-05-03 21:00:02'),
(18, 'entrylab', 'last_weekly_recap_msg_id_recap', '48102',      '2026-05-01 21:00:03'),
-- tenant_3fa9c2d1
(19, 'tenant_3fa9c2d1', 'tp_count',               '3',          '2026-01-22 10:00:00'),
(20, 'tenant_3fa9c2d1', 'tp1_percentage',         '50',         '2026-01-22 10:00:00'),
(21, 'tenant_3fa9c2d1', 'tp2_percentage',         '30',         '2026-01-22 10:00:00'),
(22, 'tenant_3fa9c2d1', 'tp3_percentage',         '20',         '2026-01-22 10:00:00'),
(23, 'tenant_3fa9c2d1', 'session_filter_enabled', 'True',       '2026-01-22 10:00:00'),
(24, 'tenant_3fa9c2d1', 'last_daily_recap',       '2026-05-03', '2026-05-03 21:00:04'),
-- a key no code reads or writes
(25, 'tenant_3fa9c2d1', 'experimental_flag',      'on',         '2026-02-01 12:00:00');

---------------------------------------------------------------------------------------------------------
-- bot_config
---------------------------------------------------------------------------------------------------------
INSERT INTO bot_config (id, tenant_id, setting_key, setting_value, updated_at) VALUES
(1, 'entrylab',        'active_bot', 'trend_pullback_multi_tp', '2026-03-10 08:00:00'),
(2, 'entrylab',        'queued_bot', 'raja_banks',              '2026-04-30 17:00:00'),
(3, 'tenant_3fa9c2d1', 'active_bot', 'conservative',            '2026-01-22 10:00:00'),
(4, 'tenant_3fa9c2d1', 'queued_bot', 'aggressive',              '2026-04-02 09:00:00');

---------------------------------------------------------------------------------------------------------
-- recent_phrases
---------------------------------------------------------------------------------------------------------
INSERT INTO recent_phrases (id, tenant_id, phrase_type, phrase_text, used_at) VALUES
(1, 'entrylab',        'celebration',  'Boom! TP2 smashed on gold',                   '2025-11-18 10:21:50'),
(2, 'entrylab',        'guidance',     'Price is holding above entry, stay patient',  '2025-11-18 11:30:00'),
(3, 'entrylab',        'revalidation', 'Thesis still intact: trend and momentum agree','2026-01-14 10:15:00'),
(4, 'tenant_3fa9c2d1', 'celebration',  'Target reached, well done team',              '2026-02-16 11:14:05');

---------------------------------------------------------------------------------------------------------
-- telegram_subscriptions
---------------------------------------------------------------------------------------------------------
INSERT INTO telegram_subscriptions (id, tenant_id, email, name, telegram_user_id, telegram_username,
    stripe_customer_id, stripe_subscription_id, plan_type, amount_paid, status, invite_link,
    joined_at, last_seen_at, revoked_at, created_at, updated_at,
    free_signup_at, converted_at, is_converted, conversion_days,
    utm_source, utm_medium, utm_campaign, utm_content, utm_term, gclid, fbclid) VALUES
-- entrylab
(1, 'entrylab', 'sam.trader@example.com', 'Sam Trader', 5000000001, 'samtrades',
    'cus_FakeEntrylab0001', 'sub_FakeEntrylabMonthly0001', 'VIP Monthly', 49.00, 'active', 'https://t.me/+FakeInviteEntrylab0001',
    '2026-03-01 10:05:00', '2026-05-03 21:00:00', NULL, '2026-03-01 10:00:00', '2026-05-03 21:00:00',
    NULL, NULL, FALSE, NULL,
    'google', 'cpc', 'gold_signals_q1', 'ad_variant_b', 'xauusd signals', 'FakeGclid0001', NULL),
(2, 'entrylab', 'priya.annual@example.com', 'Priya N', 5000000002, 'priya_fx',
    'cus_FakeEntrylab0002', 'sub_FakeEntrylabAnnual0002', 'VIP Annual', 399.00, 'active', 'https://t.me/+FakeInviteEntrylab0002',
    '2026-01-10 18:22:00', '2026-05-02 07:00:00', NULL, '2026-01-10 18:20:00', '2026-05-02 07:00:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(3, 'entrylab', 'lifetime.lee@example.com', 'Lee Wong', 5000000003, 'leewong',
    'cus_FakeEntrylab0003', NULL, 'Lifetime VIP', 499.00, 'active', 'https://t.me/+FakeInviteEntrylab0003',
    '2025-12-20 12:30:00', '2026-05-04 06:10:00', NULL, '2025-12-20 12:25:00', '2026-05-04 06:10:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(4, 'entrylab', 'organic_5000000004@telegram', 'Marco', 5000000004, 'marco_gold',
    NULL, NULL, 'free', 0.00, 'free_joined', NULL,
    '2026-04-02 11:00:00', '2026-05-04 07:10:00', NULL, '2026-04-02 11:00:00', '2026-04-02 11:00:00',
    '2026-04-02 11:00:00', NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(5, 'entrylab', 'convert.jo@example.com', 'Jo Bloggs', 5000000005, 'jobloggs',
    'cus_FakeEntrylab0005', 'sub_FakeEntrylabMonthly0005', 'premium', 49.00, 'active', 'https://t.me/+FakeInviteEntrylab0005',
    '2026-02-07 20:15:00', '2026-05-03 19:00:00', NULL, '2026-02-01 09:00:00', '2026-02-07 20:15:00',
    '2026-02-01 09:00:00', '2026-02-07 20:10:00', TRUE, 6,
    'telegram', 'free_channel', 'vip_upsell', NULL, NULL, NULL, 'FakeFbclid0005'),
(6, 'entrylab', 'pending.paid@example.com', 'Alex P', NULL, NULL,
    'cus_FakeEntrylab0006', 'sub_FakeEntrylabMonthly0006', 'premium', 49.00, 'pending', 'https://t.me/+FakeInviteEntrylab0006',
    NULL, NULL, NULL, '2026-05-03 18:00:00', '2026-05-03 18:00:09',
    NULL, NULL, FALSE, NULL,
    'newsletter', 'email', 'may_promo', NULL, NULL, NULL, NULL),
(7, 'entrylab', 'organic_5000000007@telegram', 'Dana', 5000000007, NULL,
    NULL, NULL, 'free', 0.00, 'abandoned', NULL,
    '2026-03-10 08:00:00', '2026-03-20 17:45:00', NULL, '2026-03-10 08:00:00', '2026-03-20 17:45:00',
    '2026-03-10 08:00:00', NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(8, 'entrylab', 'left.vip@example.com', 'Chris L', 5000000008, 'chrisl',
    'cus_FakeEntrylab0008', 'sub_FakeEntrylabMonthly0008', 'VIP Monthly', 49.00, 'left', 'https://t.me/+FakeInviteEntrylab0008',
    '2025-12-01 09:00:00', '2026-04-18 10:00:00', NULL, '2025-12-01 08:55:00', '2026-04-18 10:00:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(9, 'entrylab', 'revoked.user@example.com', 'Robin R', 5000000009, 'robin_r',
    'cus_FakeEntrylab0009', 'sub_FakeEntrylabMonthly0009', 'VIP Monthly', 49.00, 'revoked', 'https://t.me/+FakeInviteEntrylab0009',
    '2026-01-05 14:00:00', '2026-03-31 22:00:00', '2026-04-01 00:05:00', '2026-01-05 13:58:00', '2026-04-01 00:05:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(10, 'entrylab', 'failed.card@example.com', 'Pat F', 5000000010, 'patf',
    'cus_FakeEntrylab0010', 'sub_FakeEntrylabMonthly0010', 'VIP Monthly', 49.00, 'payment_failed', 'https://t.me/+FakeInviteEntrylab0010',
    '2026-02-20 10:00:00', '2026-04-20 10:00:00', NULL, '2026-02-20 09:58:00', '2026-04-20 10:02:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
(11, 'entrylab', 'goldfree@example.com', 'Gina', 5000000011, 'gina_gold',
    NULL, NULL, 'Free Gold Signals', 0.00, 'free_joined', 'https://t.me/+FakeEntrylabFreeLink',
    '2026-04-11 16:30:00', '2026-05-02 16:30:00', NULL, '2026-04-11 16:25:00', '2026-04-11 16:30:00',
    '2026-04-11 16:25:00', NULL, FALSE, NULL,
    'facebook', 'paid_social', 'free_gold_launch', 'carousel_1', NULL, NULL, 'FakeFbclid0011'),
-- BAD: unknown status vocabulary 'on_hold'
(12, 'entrylab', 'onhold@example.com', 'Olly H', 5000000012, 'olly_h',
    'cus_FakeEntrylab0012', 'sub_FakeEntrylabMonthly0012', 'VIP Monthly', 49.00, 'on_hold', NULL,
    '2026-03-15 12:00:00', '2026-04-25 12:00:00', NULL, '2026-03-15 11:55:00', '2026-04-25 12:00:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL),
-- tenant_3fa9c2d1
(13, 'tenant_3fa9c2d1', 'apex.buyer@example.com', 'Tom Apex', 5000000013, 'tomapex',
    'cus_FakeApex0013', 'sub_FakeApexMonthly0013', 'Apex Gold VIP', 29.00, 'active', 'https://t.me/+FakeInviteApex0013',
    '2026-02-02 19:00:00', '2026-05-04 08:00:00', NULL, '2026-02-02 18:55:00', '2026-05-04 08:00:00',
    NULL, NULL, FALSE, NULL,
    'instagram', 'bio_link', NULL, NULL, NULL, NULL, NULL),
(14, 'tenant_3fa9c2d1', 'organic_5000000014@telegram', 'Nia', 5000000014, 'nia_trades',
    NULL, NULL, 'free', 0.00, 'free_joined', NULL,
    '2026-03-22 07:30:00', '2026-05-03 07:30:00', NULL, '2026-03-22 07:30:00', '2026-03-22 07:30:00',
    '2026-03-22 07:30:00', NULL, FALSE, NULL,
    'instagram', NULL, NULL, NULL, NULL, NULL, NULL),
-- same email as id 1, other tenant (allowed: the unique key is (tenant_id, email)); no Telegram user yet
(15, 'tenant_3fa9c2d1', 'sam.trader@example.com', 'Sam Trader', NULL, NULL,
    'cus_FakeApex0015', 'sub_FakeApexMonthly0015', 'premium', 29.00, 'pending', 'https://t.me/+FakeInviteApex0015',
    NULL, NULL, NULL, '2026-05-04 08:45:00', '2026-05-04 08:45:00',
    NULL, NULL, FALSE, NULL,
    NULL, NULL, NULL, NULL, NULL, NULL, NULL);

---------------------------------------------------------------------------------------------------------
-- bot_users (no key column; unique (tenant_id, chat_id))
---------------------------------------------------------------------------------------------------------
INSERT INTO bot_users (tenant_id, chat_id, last_coupon_code, first_used, last_used, username, first_name, last_name) VALUES
('entrylab',        6000000001, 'GOLD20',  '2025-11-20 10:00:00', '2026-05-01 12:00:00', 'samtrades',  'Sam',   'Trader'),
-- first used before the name columns were added: names NULL
('entrylab',        6000000002, NULL,      '2025-11-21 08:30:00', '2026-04-28 09:00:00', NULL,         NULL,    NULL),
('entrylab',        6000000003, 'ENTRY50', '2026-01-11 19:00:00', '2026-04-30 19:00:00', 'priya_fx',   'Priya', NULL),
('entrylab',        6000000004, 'XAU10',   '2026-02-14 13:00:00', '2026-04-29 13:00:00', NULL,         'Kofi',  'Mensah'),
-- same chat_id as the first entrylab row, other tenant
('tenant_3fa9c2d1', 6000000001, 'APEX15',  '2026-02-03 09:00:00', '2026-04-27 09:00:00', 'samtrades',  'Sam',   'Trader'),
('tenant_3fa9c2d1', 6000000101, NULL,      '2026-03-22 07:35:00', '2026-05-03 07:35:00', 'nia_trades', 'Nia',   NULL),
('tenant_3fa9c2d1', 6000000102, 'APEX15',  '2026-04-05 21:00:00', '2026-04-05 21:02:00', NULL,         'Ben',   'Ode'),
-- BAD: orphan, tenant 'ghost' does not exist
('ghost',           6000000999, 'GHOST5',  '2026-01-02 03:04:05', '2026-01-02 03:04:05', 'ghosty',     'Casper',NULL);

---------------------------------------------------------------------------------------------------------
-- bot_usage (device_type always 'unknown', error_type NULL on success)
---------------------------------------------------------------------------------------------------------
INSERT INTO bot_usage (id, tenant_id, chat_id, template_slug, coupon_code, success, error_type, device_type, created_at) VALUES
(1,  'entrylab',        6000000001, 'gold-square', 'GOLD20',  TRUE,  NULL,                 'unknown', '2026-04-28 10:00:00'),
(2,  'entrylab',        6000000003, 'gold-story',  'ENTRY50', TRUE,  NULL,                 'unknown', '2026-04-30 19:00:00'),
(3,  'entrylab',        6000000002, 'gold-square', 'BADCODE', FALSE, 'invalid_coupon',     'unknown', '2026-04-28 09:00:00'),
(4,  'entrylab',        6000000002, NULL,          NULL,      FALSE, 'validation_error',   'unknown', '2026-04-28 09:01:00'),
(5,  'entrylab',        6000000004, 'gold-square', 'XAU10',   FALSE, 'templates_error',    'unknown', '2026-04-29 12:58:00'),
(6,  'entrylab',        6000000004, 'old-banner',  'XAU10',   FALSE, 'template_not_found', 'unknown', '2026-04-29 12:59:00'),
(7,  'entrylab',        6000000001, 'gold-story',  'GOLD20',  FALSE, 'no_variants',        'unknown', '2026-04-30 08:00:00'),
(8,  'entrylab',        6000000003, 'gold-square', 'ENTRY50', FALSE, 'image_url_missing',  'unknown', '2026-04-30 18:59:00'),
(9,  'entrylab',        6000000001, 'gold-square', 'GOLD20',  FALSE, 'generation_failed',  'unknown', '2026-05-01 11:59:00'),
(10, 'tenant_3fa9c2d1', 6000000101, 'apex-square', 'APEX15',  TRUE,  NULL,                 'unknown', '2026-05-03 07:35:00'),
(11, 'tenant_3fa9c2d1', 6000000102, 'apex-square', 'APEX99',  FALSE, 'invalid_coupon',     'unknown', '2026-04-05 21:02:00'),
-- BAD: tenant_id explicitly NULL (the column default would have been 'entrylab')
(12, NULL,              6000000002, 'gold-square', 'GOLD20',  TRUE,  NULL,                 'unknown', '2026-04-28 09:05:00');

---------------------------------------------------------------------------------------------------------
-- broadcast_jobs
---------------------------------------------------------------------------------------------------------
INSERT INTO broadcast_jobs (id, tenant_id, message, target_days, status, total_users, sent_count, failed_count, created_at, completed_at) VALUES
(1, 'entrylab',        'New coupon GOLD20: 20% off your next funded account 🚀', 30, 'completed',  120, 117, 3,  '2026-02-01 10:00:00', '2026-02-01 10:04:30'),
(2, 'entrylab',        'Weekend webinar: trading the London open',               7,  'failed',     45,  0,   45, '2026-03-14 09:00:00', NULL),
(3, 'entrylab',        'May promo: ENTRY50 is live for 48 hours',                14, 'processing', 80,  32,  0,  '2026-05-04 09:20:00', NULL),
(4, 'tenant_3fa9c2d1', 'Apex VIP spots reopen Monday',                           30, 'pending',    0,   0,   0,  '2026-05-04 09:28:00', NULL),
(5, 'tenant_3fa9c2d1', 'Use APEX15 for £5 off',                                  60, 'completed',  14,  14,  0,  '2026-04-06 12:00:00', '2026-04-06 12:00:40');

---------------------------------------------------------------------------------------------------------
-- campaigns / submissions
---------------------------------------------------------------------------------------------------------
INSERT INTO campaigns (id, tenant_id, title, description, start_date, end_date, prize, platforms, status, created_at, updated_at, overlay_url) VALUES
(1, 'entrylab',        'Black Friday Gold Giveaway', 'Share your best gold trade', '2025-11-24 00:00:00', '2025-11-30 23:59:00', '$500 funded account', '["instagram", "twitter", "facebook"]', 'expired',   '2025-11-20 10:00:00', '2025-12-01 00:00:05', 'https://cdn.entrylab.io/overlays/bf2025.png'),
(2, 'entrylab',        'Spring Signals Challenge',   'Post your TP screenshots',   '2026-04-15 00:00:00', '2026-05-15 23:59:00', 'Lifetime VIP',        '["instagram", "twitter"]',             'ongoing',   '2026-04-10 09:00:00', '2026-04-15 00:00:05', NULL),
(3, 'entrylab',        'Summer Kick-off',            NULL,                         '2026-05-20 00:00:00', '2026-05-31 23:59:00', NULL,                  '[]',                                   'scheduled', '2026-05-02 15:00:00', '2026-05-02 15:00:00', NULL),
(4, 'tenant_3fa9c2d1', 'Apex Launch Contest',        'Tag us in your stories',     '2026-04-20 00:00:00', '2026-05-10 23:59:00', '3 months VIP',        '["instagram"]',                        'ongoing',   '2026-04-18 12:00:00', '2026-04-20 00:00:05', NULL);

INSERT INTO submissions (id, campaign_id, email, instagram_url, twitter_url, facebook_url, created_at) VALUES
(1, 1,    'fan1@example.com',          'https://instagram.com/p/FakePost0001', NULL, NULL, '2025-11-25 14:00:00'),
(2, 2,    'fan2@example.com',          NULL, 'https://x.com/fan2/status/1000000000000000002', NULL, '2026-04-16 09:30:00'),
(3, 4,    'apexfan@example.com',       'https://instagram.com/p/FakePost0003', NULL, NULL, '2026-04-21 18:00:00'),
-- QUIRK: campaign_id NULL, so this submission belongs to no campaign and no tenant
(4, NULL, 'orphan.entry@example.com',  NULL, NULL, 'https://facebook.com/FakePost0004', '2026-01-05 10:00:00');

---------------------------------------------------------------------------------------------------------
-- Journeys
--   journeys a1000000-…-0000000000NN, triggers a2…, steps a3…, sessions a4…, scheduled messages a5…,
--   step analytics a6…, link clicks a7…
---------------------------------------------------------------------------------------------------------
INSERT INTO journeys (id, tenant_id, bot_id, name, description, status, re_entry_policy, priority_int, is_locked,
                      inactivity_timeout_days, welcome_message, start_delay_seconds, welcome_delay_seconds, created_at, updated_at) VALUES
('a1000000-0000-4000-8000-000000000001', 'entrylab', 'default', 'Gold deep-link welcome', 'Welcome flow for /start gold', 'active',  'block',   10, FALSE, 14,   'Hey {first_name} 👋 welcome to EntryLab!', 5,   0,  '2026-02-21 10:00:00', '2026-04-01 09:00:00'),
('a1000000-0000-4000-8000-000000000002', 'entrylab', 'default', 'VIP keyword',            'DM "vip" to get the VIP info',  'active',  'restart', 5,  FALSE, NULL, NULL,                                       0,   0,  '2026-02-22 11:00:00', '2026-02-22 11:30:00'),
('a1000000-0000-4000-8000-000000000003', 'entrylab', 'default', 'Payment follow-up',      NULL,                            'draft',   'allow',   0,  FALSE, NULL, NULL,                                       0,   0,  '2026-02-25 16:00:00', '2026-02-25 16:00:00'),
('a1000000-0000-4000-8000-000000000004', 'entrylab', 'default', 'Broker Sign Up',         'Old broker partner promo',      'stopped', 'block',   0,  TRUE,  7,    NULL,                                       0,   0,  '2025-12-16 12:00:00', '2026-01-31 18:00:00'),
-- welcome_delay_seconds holds a stale 90 from before the rename; start_delay_seconds (0) is the one in use
('a1000000-0000-4000-8000-000000000005', 'tenant_3fa9c2d1', 'default', 'Apex gold funnel', 'From the Instagram bio link', 'active',  'block',   0,  FALSE, 30,   'Welcome {first_name}!',                    0,   90, '2026-02-21 18:00:00', '2026-03-03 08:00:00'),
('a1000000-0000-4000-8000-000000000006', 'tenant_3fa9c2d1', 'default', 'Apex VIP keyword', NULL,                          'active',  'allow',   0,  FALSE, NULL, 'Thanks for your interest {first_name}',    300, 0,  '2026-03-05 10:00:00', '2026-03-05 10:00:00');

INSERT INTO journey_steps (id, journey_id, step_order, step_type, config, branch_keyword, branch_true_step_id, branch_false_step_id, created_at) VALUES
-- journey 1 (entrylab, 7 steps incl. a conditional branch)
('a3000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 1, 'message',
 '{"content": "Welcome to EntryLab Signals! Gold setups every London and New York session.", "delay_seconds": 0}', NULL, NULL, NULL, '2026-02-21 10:00:00'),
('a3000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001', 2, 'question',
 '{"content": "What is your trading experience? Beginner, Intermediate or Advanced?", "answer_key": "experience_level", "validation": "text", "delay_seconds": 2}', NULL, NULL, NULL, '2026-02-21 10:00:00'),
('a3000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000001', 3, 'delay',
 '{"min_minutes": 60, "max_minutes": 120}', NULL, NULL, NULL, '2026-02-21 10:00:00'),
('a3000000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000001', 4, 'wait_for_reply',
 '{"content": "Want VIP access? Reply YES and I will send you the link.", "timeout_minutes": 1440, "timeout_action": "continue", "timeout_message": "No worries, the free channel is always open."}', NULL, NULL, NULL, '2026-02-21 10:00:00'),
('a3000000-0000-4000-8000-000000000005', 'a1000000-0000-4000-8000-000000000001', 5, 'conditional',
 '{"branch_keyword": "yes", "branch_true_step_id": "a3000000-0000-4000-8000-000000000006", "branch_false_step_id": "a3000000-0000-4000-8000-000000000007"}',
 'yes', 'a3000000-0000-4000-8000-000000000006', 'a3000000-0000-4000-8000-000000000007', '2026-03-01 09:00:00'),
('a3000000-0000-4000-8000-000000000006', 'a1000000-0000-4000-8000-000000000001', 6, 'message',
 '{"content": "Here is your VIP link: https://entrylab.io/subscribe?src=journey", "delay_seconds": 0}', NULL, NULL, NULL, '2026-03-01 09:00:00'),
('a3000000-0000-4000-8000-000000000007', 'a1000000-0000-4000-8000-000000000001', 7, 'message',
 '{"content": "No problem, stay with us in the free channel.", "delay_seconds": 0}', NULL, NULL, NULL, '2026-03-01 09:00:00'),
-- journey 2 (entrylab)
('a3000000-0000-4000-8000-000000000008', 'a1000000-0000-4000-8000-000000000002', 1, 'message',
 '{"content": "VIP gets 3-5 gold signals a day with TP1/TP2/TP3.", "delay_seconds": 0}', NULL, NULL, NULL, '2026-02-22 11:00:00'),
('a3000000-0000-4000-8000-000000000009', 'a1000000-0000-4000-8000-000000000002', 2, 'question',
 '{"content": "What email should we use for your invite?", "answer_key": "email", "validation": "text"}', NULL, NULL, NULL, '2026-02-22 11:00:00'),
-- older key: "text" instead of "content" (the engine reads content, then text)
('a3000000-0000-4000-8000-000000000010', 'a1000000-0000-4000-8000-000000000002', 3, 'message',
 '{"text": "Thanks! Check your inbox in a minute.", "delay_seconds": 30}', NULL, NULL, NULL, '2026-02-22 11:00:00'),
-- journey 3 (entrylab, draft). BAD: step 11's config is a JSON string, not an object
('a3000000-0000-4000-8000-000000000011', 'a1000000-0000-4000-8000-000000000003', 1, 'message',
 '"Thanks for your payment!"', NULL, NULL, NULL, '2026-02-25 16:00:00'),
('a3000000-0000-4000-8000-000000000012', 'a1000000-0000-4000-8000-000000000003', 2, 'delay',
 '{"min_minutes": 1440, "max_minutes": 1440}', NULL, NULL, NULL, '2026-02-25 16:00:00'),
-- journey 4 (entrylab, stopped)
('a3000000-0000-4000-8000-000000000013', 'a1000000-0000-4000-8000-000000000004', 1, 'message',
 '{"content": "Open your broker account with our partner and get VIP free for a month.", "delay_seconds": 0}', NULL, NULL, NULL, '2026-01-31 18:00:00'),
-- journey 5 (tenant_3fa9c2d1, 6 steps)
('a3000000-0000-4000-8000-000000000014', 'a1000000-0000-4000-8000-000000000005', 1, 'message',
 '{"content": "Apex Gold: hand-picked XAU/USD setups.", "delay_seconds": 0}', NULL, NULL, NULL, '2026-02-21 18:00:00'),
('a3000000-0000-4000-8000-000000000015', 'a1000000-0000-4000-8000-000000000005', 2, 'question',
 '{"content": "Which broker do you use?", "answer_key": "broker", "validation": "text", "delay_seconds": 0}', NULL, NULL, NULL, '2026-02-21 18:00:00'),
('a3000000-0000-4000-8000-000000000016', 'a1000000-0000-4000-8000-000000000005', 3, 'delay',
 '{"min_minutes": 30, "max_minutes": 45}', NULL, NULL, NULL, '2026-02-21 18:00:00'),
('a3000000-0000-4000-8000-000000000017', 'a1000000-0000-4000-8000-000000000005', 4, 'wait_for_reply',
 '{"content": "Reply VIP for the members link.", "timeout_minutes": 720, "timeout_action": "end"}', NULL, NULL, NULL, '2026-02-21 18:00:00'),
-- QUIRK: branch_false_step_id points at a step that does not exist (no FK on branch columns)
('a3000000-0000-4000-8000-000000000018', 'a1000000-0000-4000-8000-000000000005', 5, 'conditional',
 '{"branch_keyword": "vip", "branch_true_step_id": "a3000000-0000-4000-8000-000000000019", "branch_false_step_id": "a3000000-0000-4000-8000-0000000000ff"}',
 'vip', 'a3000000-0000-4000-8000-000000000019', 'a3000000-0000-4000-8000-0000000000ff', '2026-03-03 08:00:00'),
('a3000000-0000-4000-8000-000000000019', 'a1000000-0000-4000-8000-000000000005', 6, 'message',
 '{"content": "Join here: https://apexgold.example/join?src=journey", "delay_seconds": 0}', NULL, NULL, NULL, '2026-03-03 08:00:00'),
-- journey 6 (tenant_3fa9c2d1)
('a3000000-0000-4000-8000-000000000020', 'a1000000-0000-4000-8000-000000000006', 1, 'message',
 '{"content": "VIP is £29/month and includes every signal.", "delay_seconds": 0}', NULL, NULL, NULL, '2026-03-05 10:00:00'),
('a3000000-0000-4000-8000-000000000021', 'a1000000-0000-4000-8000-000000000006', 2, 'question',
 '{"content": "Shall I reserve a spot for you? (yes/no)", "answer_key": "wants_vip", "validation": "text"}', NULL, NULL, NULL, '2026-03-05 10:00:00');

-- At most one ACTIVE trigger per journey (uq_journey_triggers_one_active).
INSERT INTO journey_triggers (id, journey_id, trigger_type, trigger_config, is_active, created_at, tenant_id) VALUES
('a2000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 'telegram_deeplink', '{"start_param": "gold", "bot_id": "default"}',          TRUE,  '2026-02-21 10:00:00', 'entrylab'),
-- deactivated when the deep-link trigger was saved
('a2000000-0000-4000-8000-000000000002', 'a1000000-0000-4000-8000-000000000001', 'direct_message',    '{"keyword": "gold"}',                                     FALSE, '2026-02-21 09:50:00', 'entrylab'),
-- tenant_id NULL (nullable column)
('a2000000-0000-4000-8000-000000000003', 'a1000000-0000-4000-8000-000000000002', 'direct_message',    '{"keyword": "vip"}',                                      TRUE,  '2026-02-22 11:00:00', NULL),
('a2000000-0000-4000-8000-000000000004', 'a1000000-0000-4000-8000-000000000003', 'api_event',         '{"event_name": "payment_succeeded"}',                     TRUE,  '2026-02-25 16:00:00', 'entrylab'),
-- older deep-link key "param"; still active although its journey is stopped
('a2000000-0000-4000-8000-000000000005', 'a1000000-0000-4000-8000-000000000004', 'telegram_deeplink', '{"param": "broker_signup", "bot_id": "default"}',         TRUE,  '2025-12-16 12:00:00', 'entrylab'),
('a2000000-0000-4000-8000-000000000006', 'a1000000-0000-4000-8000-000000000005', 'telegram_deeplink', '{"param": "apexvip", "bot_id": "default"}',               TRUE,  '2026-02-21 18:00:00', 'tenant_3fa9c2d1'),
('a2000000-0000-4000-8000-000000000007', 'a1000000-0000-4000-8000-000000000006', 'direct_message',    '{"keyword": "vip"}',                                      TRUE,  '2026-03-05 10:00:00', NULL);

INSERT INTO journey_user_sessions (id, tenant_id, journey_id, telegram_chat_id, telegram_user_id, current_step_id, status, answers,
                                   started_at, completed_at, last_activity_at, wait_timeout_at, reply_received_at, welcome_sent_at) VALUES
('a4000000-0000-4000-8000-000000000001', 'entrylab', 'a1000000-0000-4000-8000-000000000001', 5000000001, 5000000001, 'a3000000-0000-4000-8000-000000000002', 'active',
 '{}', '2026-05-04 08:55:00', NULL, '2026-05-04 08:55:07', NULL, NULL, '2026-05-04 08:55:05'),
('a4000000-0000-4000-8000-000000000002', 'entrylab', 'a1000000-0000-4000-8000-000000000001', 5000000004, 5000000004, 'a3000000-0000-4000-8000-000000000003', 'waiting_delay',
 '{"experience_level": "Beginner"}', '2026-05-04 07:10:00', NULL, '2026-05-04 07:12:30', NULL, NULL, '2026-05-04 07:10:05'),
('a4000000-0000-4000-8000-000000000003', 'entrylab', 'a1000000-0000-4000-8000-000000000001', 5000000007, 5000000007, 'a3000000-0000-4000-8000-000000000004', 'awaiting_reply',
 '{"experience_level": "Advanced"}', '2026-05-03 05:00:00', NULL, '2026-05-03 06:00:00', '2026-05-04 06:00:00', NULL, '2026-05-03 05:00:05'),
('a4000000-0000-4000-8000-000000000004', 'entrylab', 'a1000000-0000-4000-8000-000000000001', 5000000008, 5000000008, 'a3000000-0000-4000-8000-000000000006', 'completed',
 '{"experience_level": "Intermediate", "last_reply": "YES"}', '2026-04-19 09:00:00', '2026-04-19 11:05:00', '2026-04-19 11:05:00', NULL, '2026-04-19 11:04:00', '2026-04-19 09:00:05'),
('a4000000-0000-4000-8000-000000000005', 'entrylab', 'a1000000-0000-4000-8000-000000000002', 5000000001, 5000000001, 'a3000000-0000-4000-8000-000000000009', 'cancelled',
 '{}', '2026-04-30 12:00:00', NULL, '2026-05-02 10:00:00', NULL, NULL, NULL),
('a4000000-0000-4000-8000-000000000006', 'entrylab', 'a1000000-0000-4000-8000-000000000002', 5000000001, 5000000001, 'a3000000-0000-4000-8000-000000000009', 'active',
 '{}', '2026-05-02 10:00:00', NULL, '2026-05-02 10:00:02', NULL, NULL, NULL),
-- broken: its steps were replaced (set_steps nulls current_step_id)
('a4000000-0000-4000-8000-000000000007', 'entrylab', 'a1000000-0000-4000-8000-000000000004', 5000000009, 5000000009, NULL, 'broken',
 '{}', '2026-01-20 08:00:00', '2026-01-31 18:00:00', '2026-01-31 18:00:00', NULL, NULL, NULL),
('a4000000-0000-4000-8000-000000000008', 'tenant_3fa9c2d1', 'a1000000-0000-4000-8000-000000000005', 5000000013, 5000000013, 'a3000000-0000-4000-8000-000000000017', 'awaiting_reply',
 '{"broker": "IC Markets"}', '2026-05-04 08:00:00', NULL, '2026-05-04 08:50:00', '2026-05-04 20:50:00', NULL, '2026-05-04 08:00:03'),
('a4000000-0000-4000-8000-000000000009', 'tenant_3fa9c2d1', 'a1000000-0000-4000-8000-000000000005', 5000000014, 5000000014, 'a3000000-0000-4000-8000-000000000019', 'completed',
 '{"broker": "Pepperstone", "last_reply": "vip please"}', '2026-04-01 07:00:00', '2026-04-01 08:10:00', '2026-04-01 08:10:00', NULL, '2026-04-01 08:09:00', '2026-04-01 07:00:02'),
('a4000000-0000-4000-8000-000000000010', 'tenant_3fa9c2d1', 'a1000000-0000-4000-8000-000000000006', 5000000015, 5000000015, 'a3000000-0000-4000-8000-000000000020', 'waiting_delay',
 '{}', '2026-05-04 09:26:00', NULL, '2026-05-04 09:26:00', NULL, NULL, NULL),
('a4000000-0000-4000-8000-000000000011', 'tenant_3fa9c2d1', 'a1000000-0000-4000-8000-000000000005', 5000000016, 5000000016, 'a3000000-0000-4000-8000-000000000015', 'active',
 '{}', '2026-05-04 09:15:00', NULL, '2026-05-04 09:15:02', NULL, NULL, '2026-05-04 09:15:01');

INSERT INTO journey_scheduled_messages (id, tenant_id, session_id, step_id, telegram_chat_id, message_content, scheduled_for, status, sent_at, error, created_at) VALUES
('a5000000-0000-4000-8000-000000000001', 'entrylab', 'a4000000-0000-4000-8000-000000000002', 'a3000000-0000-4000-8000-000000000004', 5000000004,
 '{"text": "Want VIP access? Reply YES and I will send you the link.", "step_type": "wait_for_reply"}', '2026-05-04 09:40:00', 'pending', NULL, NULL, '2026-05-04 07:12:30'),
('a5000000-0000-4000-8000-000000000002', 'entrylab', 'a4000000-0000-4000-8000-000000000004', 'a3000000-0000-4000-8000-000000000004', 5000000008,
 '{"text": "Want VIP access? Reply YES and I will send you the link.", "step_type": "wait_for_reply"}', '2026-04-19 10:30:00', 'sent', '2026-04-19 10:30:04', NULL, '2026-04-19 09:01:00'),
('a5000000-0000-4000-8000-000000000003', 'entrylab', 'a4000000-0000-4000-8000-000000000005', 'a3000000-0000-4000-8000-000000000010', 5000000001,
 '{"text": "Thanks! Check your inbox in a minute.", "step_type": "message"}', '2026-05-02 10:00:30', 'cancelled', NULL, NULL, '2026-05-02 09:59:30'),
('a5000000-0000-4000-8000-000000000004', 'entrylab', 'a4000000-0000-4000-8000-000000000003', 'a3000000-0000-4000-8000-000000000004', 5000000007,
 '{"text": "Want VIP access? Reply YES and I will send you the link.", "step_type": "wait_for_reply"}', '2026-05-03 06:00:00', 'failed', NULL, 'Telethon not connected for tenant=entrylab', '2026-05-03 05:02:00'),
('a5000000-0000-4000-8000-000000000005', 'tenant_3fa9c2d1', 'a4000000-0000-4000-8000-000000000010', 'a3000000-0000-4000-8000-000000000020', 5000000015,
 '{"type": "welcome_and_step", "welcome_text": "Thanks for your interest Lena", "step_type": "message", "text": "VIP is £29/month and includes every signal.", "first_name": "Lena"}',
 '2026-05-04 09:31:00', 'pending', NULL, NULL, '2026-05-04 09:26:00'),
('a5000000-0000-4000-8000-000000000006', 'tenant_3fa9c2d1', 'a4000000-0000-4000-8000-000000000009', 'a3000000-0000-4000-8000-000000000017', 5000000014,
 '{"text": "Reply VIP for the members link.", "step_type": "wait_for_reply"}', '2026-04-01 07:40:00', 'sent', '2026-04-01 07:40:02', NULL, '2026-04-01 07:02:00'),
('a5000000-0000-4000-8000-000000000007', 'tenant_3fa9c2d1', 'a4000000-0000-4000-8000-000000000008', 'a3000000-0000-4000-8000-000000000017', 5000000013,
 '{"text": "Reply VIP for the members link.", "step_type": "wait_for_reply"}', '2026-05-04 09:29:00', 'processing', NULL, NULL, '2026-05-04 08:50:00');

INSERT INTO journey_step_analytics (id, step_id, journey_id, tenant_id, sends, unique_users, reads, link_clicks, updated_at) VALUES
('a6000000-0000-4000-8000-000000000001', 'a3000000-0000-4000-8000-000000000001', 'a1000000-0000-4000-8000-000000000001', 'entrylab',        42, 40, 35, 0, '2026-05-04 08:55:05'),
('a6000000-0000-4000-8000-000000000002', 'a3000000-0000-4000-8000-000000000006', 'a1000000-0000-4000-8000-000000000001', 'entrylab',        12, 12, 10, 5, '2026-04-19 11:05:00'),
('a6000000-0000-4000-8000-000000000003', 'a3000000-0000-4000-8000-000000000014', 'a1000000-0000-4000-8000-000000000005', 'tenant_3fa9c2d1', 9,  9,  7,  0, '2026-05-04 09:15:01'),
('a6000000-0000-4000-8000-000000000004', 'a3000000-0000-4000-8000-000000000019', 'a1000000-0000-4000-8000-000000000005', 'tenant_3fa9c2d1', 3,  3,  3,  2, '2026-04-01 08:10:00');

-- track_id = left(md5('<step_id>:<destination_url>'), 16)
INSERT INTO journey_link_clicks (id, track_id, step_id, journey_id, tenant_id, destination_url, created_at) VALUES
('a7000000-0000-4000-8000-000000000001', 'efaa4a67e5827c2c', 'a3000000-0000-4000-8000-000000000006', 'a1000000-0000-4000-8000-000000000001', 'entrylab',
 'https://entrylab.io/subscribe?src=journey', '2026-03-01 09:05:00'),
('a7000000-0000-4000-8000-000000000002', '8f89cda027003d81', 'a3000000-0000-4000-8000-000000000019', 'a1000000-0000-4000-8000-000000000005', 'tenant_3fa9c2d1',
 'https://apexgold.example/join?src=journey', '2026-03-03 08:05:00');

INSERT INTO journey_inbound_dedupe (id, tenant_id, chat_id, message_id, received_at) VALUES
(1, 'entrylab',        5000000001, 1201, '2026-05-04 08:55:00'),
(2, 'entrylab',        5000000007, 88,   '2026-05-03 05:00:00'),
(3, 'tenant_3fa9c2d1', 5000000013, 310,  '2026-05-04 08:00:00');

INSERT INTO journey_api_event_fired (id, tenant_id, event_name, user_identifier, fired_at) VALUES
(1, 'entrylab',        'payment_succeeded', '5000000001', '2026-03-01 10:00:05'),
(2, 'tenant_3fa9c2d1', 'payment_succeeded', '5000000013', '2026-02-02 18:55:10');

---------------------------------------------------------------------------------------------------------
-- Hype chat: prompts b1…, flows b2…, messages b3…, flow steps b4… (varchar(36) ids)
---------------------------------------------------------------------------------------------------------
INSERT INTO hype_prompts (id, tenant_id, name, custom_prompt, is_default, created_at, updated_at) VALUES
('b1000000-0000-4000-8000-000000000001', 'entrylab',        'EntryLab voice', 'Upbeat, short, gold-trader slang, never promise profits.', TRUE,  '2026-02-20 09:00:00', '2026-02-26 09:00:00'),
('b1000000-0000-4000-8000-000000000002', 'tenant_3fa9c2d1', 'Apex calm',      'Calm and factual; British spelling.',                      FALSE, '2026-02-27 12:00:00', '2026-02-27 12:00:00');

INSERT INTO hype_flows (id, tenant_id, prompt_id, name, message_count, interval_minutes, delay_after_cta_minutes, active_days, status, created_at, updated_at,
                        cta_enabled, cta_delay_minutes, cta_intro_text, cta_vip_label, cta_vip_url, cta_support_label, cta_support_url,
                        interval_max_minutes, bump_enabled, bump_preset, bump_delay_minutes, trigger_after_flow_id, trigger_delay_minutes) VALUES
('b2000000-0000-4000-8000-000000000001', 'entrylab', 'b1000000-0000-4000-8000-000000000001', 'Morning hype', 3, 60, 10, 'mon-fri', 'active', '2026-02-20 09:30:00', '2026-04-02 10:00:00',
 TRUE, 30, 'Want every signal?', 'Join VIP', 'https://entrylab.io/subscribe', 'Ask us', 'https://t.me/EntryLabSupport',
 120, TRUE, 'tp1', 15, NULL, 0),
('b2000000-0000-4000-8000-000000000002', 'entrylab', NULL, 'Weekly wrap', 1, 90, 10, 'mon,wed,fri', 'paused', '2026-02-26 09:00:00', '2026-03-10 09:00:00',
 FALSE, 30, NULL, NULL, NULL, NULL, NULL,
 90, FALSE, 'tp2', 0, 'b2000000-0000-4000-8000-000000000001', 30),
('b2000000-0000-4000-8000-000000000003', 'tenant_3fa9c2d1', 'b1000000-0000-4000-8000-000000000002', 'Apex daily hype', 3, 90, 10, 'daily', 'active', '2026-02-27 12:30:00', '2026-03-01 08:00:00',
 FALSE, 30, NULL, NULL, NULL, NULL, NULL,
 90, TRUE, 'tp3', 5, NULL, 0);

INSERT INTO hype_flow_steps (id, flow_id, step_order, delay_minutes, step_type, reforward_preset, message_text, cta_intro_text, cta_vip_label, cta_support_label, cta_vip_url, cta_support_url, created_at) VALUES
('b4000000-0000-4000-8000-000000000001', 'b2000000-0000-4000-8000-000000000001', 1, 0,  'message',   NULL,           'Good morning traders ☀️ gold is waking up', NULL, NULL, NULL, NULL, NULL, '2026-02-26 09:00:00'),
('b4000000-0000-4000-8000-000000000002', 'b2000000-0000-4000-8000-000000000001', 2, 45, 'reforward', 'best_tp',      NULL, NULL, NULL, NULL, NULL, NULL, '2026-02-26 09:00:00'),
('b4000000-0000-4000-8000-000000000003', 'b2000000-0000-4000-8000-000000000001', 3, 30, 'cta',       NULL,           NULL, 'Want every signal?', 'Join VIP', 'Ask us', 'https://entrylab.io/subscribe', 'https://t.me/EntryLabSupport', '2026-02-26 09:00:00'),
('b4000000-0000-4000-8000-000000000004', 'b2000000-0000-4000-8000-000000000001', 4, 60, 'ai_hype',   NULL,           NULL, NULL, NULL, NULL, NULL, NULL, '2026-02-26 09:00:00'),
('b4000000-0000-4000-8000-000000000005', 'b2000000-0000-4000-8000-000000000002', 1, 0,  'reforward', 'weekly_recap', NULL, NULL, NULL, NULL, NULL, NULL, '2026-02-26 09:00:00'),
('b4000000-0000-4000-8000-000000000006', 'b2000000-0000-4000-8000-000000000003', 1, 0,  'reforward', 'daily_recap',  NULL, NULL, NULL, NULL, NULL, NULL, '2026-02-27 12:30:00'),
('b4000000-0000-4000-8000-000000000007', 'b2000000-0000-4000-8000-000000000003', 2, 90, 'reforward', 'signal',       NULL, NULL, NULL, NULL, NULL, NULL, '2026-02-27 12:30:00'),
('b4000000-0000-4000-8000-000000000008', 'b2000000-0000-4000-8000-000000000003', 3, 90, 'message',   NULL,           'Another clean setup today. Stay disciplined.', NULL, NULL, NULL, NULL, NULL, '2026-02-27 12:30:00');

INSERT INTO hype_messages (id, flow_id, tenant_id, step_number, content_sent, telegram_message_id, views_1hr, views_24hr, sent_at) VALUES
('b3000000-0000-4000-8000-000000000001', 'b2000000-0000-4000-8000-000000000001', 'entrylab',        1, 'Good morning traders ☀️ gold is waking up', 48240, 310, 0,   '2026-05-04 07:30:00'),
('b3000000-0000-4000-8000-000000000002', 'b2000000-0000-4000-8000-000000000001', 'entrylab',        2, NULL,                                        48244, 280, 0,   '2026-05-04 08:15:00'),
-- flow_id NULL (nullable FK): a one-off message not tied to a flow
('b3000000-0000-4000-8000-000000000003', NULL,                                   'entrylab',        1, 'Quick one: NFP at 13:30 UTC, expect volatility', 47990, 295, 812, '2026-05-01 12:00:00'),
('b3000000-0000-4000-8000-000000000004', 'b2000000-0000-4000-8000-000000000003', 'tenant_3fa9c2d1', 1, NULL,                                        650,   41,  96,  '2026-05-03 07:00:00');

---------------------------------------------------------------------------------------------------------
-- Cross promo (c1… job ids) and markus_signal_pause
---------------------------------------------------------------------------------------------------------
INSERT INTO tenant_crosspromo_settings (tenant_id, enabled, bot_role, vip_channel_id, free_channel_id, cta_url, morning_post_time_utc, timezone,
                                        created_at, updated_at, vip_soon_delay_minutes, recap_forward_time_utc, vip_soon_time_utc) VALUES
('entrylab',        TRUE,  'signal_bot', NULL, NULL, 'https://entrylab.io/subscribe',  '07:00', 'Europe/London',    '2025-12-16 12:00:00', '2026-05-04 06:55:00', 45, '07:12', '07:51'),
('tenant_3fa9c2d1', FALSE, 'signal_bot', NULL, NULL, 'https://apexgold.example/join',  '06:30', 'America/New_York', '2026-02-01 10:00:00', '2026-02-01 10:00:00', 45, '07:12', '07:51');

INSERT INTO crosspromo_jobs (id, tenant_id, status, run_at, job_type, payload, dedupe_key, error, created_at, updated_at) VALUES
('c1000000-0000-4000-8000-000000000001', 'entrylab', 'sent',    '2026-05-04 07:00:00', 'morning_news',           '{"date": "2026-05-04"}',                      'entrylab|2026-05-04|morning_news',  NULL, '2026-05-03 21:10:00', '2026-05-04 07:00:04'),
('c1000000-0000-4000-8000-000000000002', 'entrylab', 'sent',    '2026-05-04 07:12:00', 'forward_recap',          '{"message_id": 48213}',                       'entrylab|2026-05-04|forward_recap', NULL, '2026-05-03 21:10:00', '2026-05-04 07:12:03'),
('c1000000-0000-4000-8000-000000000003', 'entrylab', 'queued',  '2026-05-05 07:51:00', 'vip_soon',               '{}',                                          'entrylab|2026-05-05|vip_soon',      NULL, '2026-05-04 07:52:00', '2026-05-04 07:52:00'),
('c1000000-0000-4000-8000-000000000004', 'entrylab', 'failed',  '2026-05-01 21:00:00', 'eod_pip_brag',           '{"pips": 260.0}',                             'entrylab|2026-05-01|eod_pip_brag',  'Forbidden: bot is not a member of the channel chat', '2026-05-01 20:00:00', '2026-05-01 21:00:02'),
('c1000000-0000-4000-8000-000000000005', 'entrylab', 'sent',    '2025-12-03 16:08:00', 'forward_winning_signal', '{"signal_id": 2}',                            NULL,                                NULL, '2025-12-03 16:07:45', '2025-12-03 16:08:02'),
('c1000000-0000-4000-8000-000000000006', 'entrylab', 'sent',    '2025-12-03 16:38:00', 'forward_win_followup',   '{"signal_id": 2}',                            NULL,                                NULL, '2025-12-03 16:07:45', '2025-12-03 16:38:01'),
('c1000000-0000-4000-8000-000000000007', 'entrylab', 'sent',    '2025-11-18 09:43:00', 'forward_tp1_sequence',   '{"signal_id": 1}',                            NULL,                                NULL, '2025-11-18 09:42:15', '2025-11-18 09:43:02'),
('c1000000-0000-4000-8000-000000000008', 'entrylab', 'sent',    '2025-11-18 10:22:00', 'forward_tp_update',      '{"signal_id": 1, "tp_level": 2}',             NULL,                                NULL, '2025-11-18 10:21:50', '2025-11-18 10:22:01'),
('c1000000-0000-4000-8000-000000000009', 'entrylab', 'sent',    '2025-12-03 17:00:00', 'crosspromo_finish',      '{"signal_id": 2}',                            'entrylab|2|finish',                 NULL, '2025-12-03 16:07:45', '2025-12-03 17:00:01'),
('c1000000-0000-4000-8000-000000000010', 'entrylab', 'sent',    '2026-05-04 07:30:00', 'hype_message',           '{"flow_id": "b2000000-0000-4000-8000-000000000001", "step": 1}', 'hype_b2000000-0000-4000-8000-000000000001_2026-05-04_step1', NULL, '2026-05-04 07:00:00', '2026-05-04 07:30:01'),
('c1000000-0000-4000-8000-000000000011', 'entrylab', 'sending', '2026-05-04 09:29:00', 'hype_message',           '{"flow_id": "b2000000-0000-4000-8000-000000000001", "step": 2, "suffix": "b"}', 'hype_b2000000-0000-4000-8000-000000000001_2026-05-04_s2b', NULL, '2026-05-04 07:00:00', '2026-05-04 09:29:01'),
('c1000000-0000-4000-8000-000000000012', 'entrylab', 'queued',  '2026-05-04 10:00:00', 'hype_cta',               '{"flow_id": "b2000000-0000-4000-8000-000000000001"}', 'hype_b2000000-0000-4000-8000-000000000001_2026-05-04_cta', NULL, '2026-05-04 07:00:00', '2026-05-04 07:00:00'),
('c1000000-0000-4000-8000-000000000013', 'entrylab', 'queued',  '2026-05-04 10:15:00', 'hype_bump',              '{"flow_id": "b2000000-0000-4000-8000-000000000001", "preset": "tp1"}', 'hype_bump_b2000000-0000-4000-8000-000000000001_2026-05-04', NULL, '2026-05-04 07:00:00', '2026-05-04 07:00:00'),
('c1000000-0000-4000-8000-000000000014', 'tenant_3fa9c2d1', 'queued',  '2026-05-05 10:30:00', 'morning_news',     '{"date": "2026-05-05"}',                      'tenant_3fa9c2d1|2026-05-05|morning_news', NULL, '2026-05-04 09:00:00', '2026-05-04 09:00:00'),
('c1000000-0000-4000-8000-000000000015', 'tenant_3fa9c2d1', 'sending', '2026-05-04 08:21:00', 'forward_tp1_sequence', '{"signal_id": 13}',                         NULL,                                NULL, '2026-05-04 08:20:20', '2026-05-04 08:21:00'),
('c1000000-0000-4000-8000-000000000016', 'tenant_3fa9c2d1', 'sent',    '2026-05-03 07:00:00', 'hype_message',     '{"flow_id": "b2000000-0000-4000-8000-000000000003", "step": 1}', 'hype_b2000000-0000-4000-8000-000000000003_2026-05-03_step1', NULL, '2026-05-03 06:00:00', '2026-05-03 07:00:02');

INSERT INTO markus_signal_pause (tenant_id, reason, owner_id, started_at, expires_at) VALUES
-- expired (ignored by the code)
('entrylab',        'morning_macro',  '3f1c2b9a8d7e4f60a1b2c3d4e5f60718', '2026-05-04 07:00:00', '2026-05-04 07:30:00'),
('tenant_3fa9c2d1', 'hype_arc_step2', '9a8b7c6d5e4f40312a1b0c9d8e7f6a5b', '2026-05-04 09:20:00', '2026-05-04 09:50:00');

---------------------------------------------------------------------------------------------------------
-- Sequences follow the explicit ids
---------------------------------------------------------------------------------------------------------
SELECT setval(pg_get_serial_sequence('tenant_users', 'id'),                (SELECT max(id) FROM tenant_users));
SELECT setval(pg_get_serial_sequence('clerk_users', 'id'),                 (SELECT max(id) FROM clerk_users));
SELECT setval(pg_get_serial_sequence('tenant_integrations', 'id'),         (SELECT max(id) FROM tenant_integrations));
SELECT setval(pg_get_serial_sequence('tenant_bot_connections', 'id'),      (SELECT max(id) FROM tenant_bot_connections));
SELECT setval(pg_get_serial_sequence('telegram_webhook_secrets', 'id'),    (SELECT max(id) FROM telegram_webhook_secrets));
SELECT setval(pg_get_serial_sequence('tenant_telethon_credentials', 'id'), (SELECT max(id) FROM tenant_telethon_credentials));
SELECT setval(pg_get_serial_sequence('tenant_stripe_products', 'id'),      (SELECT max(id) FROM tenant_stripe_products));
SELECT setval(pg_get_serial_sequence('tenant_stripe_prices', 'id'),        (SELECT max(id) FROM tenant_stripe_prices));
SELECT setval(pg_get_serial_sequence('processed_webhook_events', 'id'),    (SELECT max(id) FROM processed_webhook_events));
SELECT setval(pg_get_serial_sequence('processed_webhook_events_v2', 'id'), (SELECT max(id) FROM processed_webhook_events_v2));
SELECT setval(pg_get_serial_sequence('forex_signals', 'id'),               (SELECT max(id) FROM forex_signals));
SELECT setval(pg_get_serial_sequence('forex_config', 'id'),                (SELECT max(id) FROM forex_config));
SELECT setval(pg_get_serial_sequence('bot_config', 'id'),                  (SELECT max(id) FROM bot_config));
SELECT setval(pg_get_serial_sequence('signal_narrative', 'id'),            (SELECT max(id) FROM signal_narrative));
SELECT setval(pg_get_serial_sequence('recent_phrases', 'id'),              (SELECT max(id) FROM recent_phrases));
SELECT setval(pg_get_serial_sequence('telegram_subscriptions', 'id'),      (SELECT max(id) FROM telegram_subscriptions));
SELECT setval(pg_get_serial_sequence('bot_usage', 'id'),                   (SELECT max(id) FROM bot_usage));
SELECT setval(pg_get_serial_sequence('broadcast_jobs', 'id'),              (SELECT max(id) FROM broadcast_jobs));
SELECT setval(pg_get_serial_sequence('campaigns', 'id'),                   (SELECT max(id) FROM campaigns));
SELECT setval(pg_get_serial_sequence('submissions', 'id'),                 (SELECT max(id) FROM submissions));
SELECT setval(pg_get_serial_sequence('journey_inbound_dedupe', 'id'),      (SELECT max(id) FROM journey_inbound_dedupe));
SELECT setval(pg_get_serial_sequence('journey_api_event_fired', 'id'),     (SELECT max(id) FROM journey_api_event_fired));

COMMIT;
