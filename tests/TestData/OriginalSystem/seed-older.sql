-- Seed rows for schema-older.sql (an OLDER shape of the original system's database). See README.md.
--
-- Load after schema-older.sql:  psql -v ON_ERROR_STOP=1 -f schema-older.sql -f seed-older.sql
--
-- Tenants: 'entrylab' and 'goldmike' (an email-local-part tenant id that is already a valid PromoStack slug).
-- The snapshot is "taken" at 2025-12-16 18:00 UTC; every timestamp is naive UTC. Secrets are fake.
-- tenant_bot_connections uses the LEGACY roles 'signal' / 'message' (the only ones the narrow check allows).

SET client_encoding = 'UTF8';
SET client_min_messages = warning;

BEGIN;

INSERT INTO tenants (id, name, created_at, is_active) VALUES
('entrylab', 'EntryLab',     '2025-11-03 09:12:44', TRUE),
('goldmike', 'Gold Mike FX', '2025-12-14 16:20:00', TRUE);

INSERT INTO tenant_users (id, clerk_user_id, tenant_id, email, role, created_at) VALUES
(1, 'user_2FakeEntrylabOwner0001', 'entrylab', 'niall@entrylab.io',  'owner', '2025-11-03 09:12:44'),
(2, 'user_2FakeGoldmikeOwner0002', 'goldmike', 'goldmike@gmail.com', 'owner', '2025-12-14 16:20:00');

INSERT INTO clerk_users (id, clerk_user_id, email, name, avatar_url, role, tenant_id, created_at, last_login_at) VALUES
(1, 'user_2FakeEntrylabOwner0001', 'niall@entrylab.io',  'Niall C',  NULL, 'admin',  NULL,       '2025-11-03 09:12:44', '2025-12-16 08:00:00'),
(2, 'user_2FakeGoldmikeOwner0002', 'goldmike@gmail.com', 'Mike G',   NULL, 'client', 'goldmike', '2025-12-14 16:19:50', '2025-12-16 12:30:00');

INSERT INTO tenant_integrations (id, tenant_id, provider, config_json, created_at, updated_at) VALUES
(1, 'goldmike', 'telegram',
 '{"bot_token": "7000000021:AAFakeGoldmikeSignal-0123456789abcd", "bot_username": "GoldMikeSignalsBot", "bot_name": "Gold Mike Signals", "free_channel_id": "-1003000000002", "vip_channel_id": "-1003000000001", "verified_at": "2025-12-14T16:40:00.000001"}',
 '2025-12-14 16:40:00', '2025-12-14 16:40:00'),
(2, 'goldmike', 'stripe',
 '{"secret_key": "sk_test_51FakeGoldmikeSecret0123456789abcdef", "publishable_key": "pk_test_51FakeGoldmikePublishable0123456789abcdef", "webhook_secret": "whsec_FakeGoldmikeWebhookSecret0123456789abcdef", "is_live": false, "verified_at": "2025-12-14T16:55:00.000001"}',
 '2025-12-14 16:55:00', '2025-12-14 16:55:00');

INSERT INTO onboarding_state (tenant_id, current_step, telegram_completed, stripe_completed, business_completed, is_complete, progress_json, created_at, updated_at) VALUES
('goldmike', 3, TRUE, TRUE, FALSE, FALSE, '{"telegram": {"bot_username": "GoldMikeSignalsBot"}, "stripe": {"is_live": false}}', '2025-12-14 16:20:00', '2025-12-14 16:55:00');

-- Legacy roles; the channel lives in channel_id (there is no vip_channel_id / free_channel_id yet).
INSERT INTO tenant_bot_connections (id, tenant_id, bot_role, bot_token, bot_username, webhook_secret, webhook_url, channel_id,
                                    last_validated_at, last_error, created_at, updated_at) VALUES
(1, 'entrylab', 'signal',  '7000000001:AAFakeEntrylabOldSig-0123456789abcd', 'EntryLabSignalsBot',
 NULL, NULL, '-1001000000001', '2025-12-16 06:00:00', NULL, '2025-12-16 10:00:00', '2025-12-16 10:00:00'),
(2, 'entrylab', 'message', '7000000002:AAFakeEntrylabOldMsg-0123456789abcd', 'EntryLabMessageBot',
 'FakeWebhookSecret-EntrylabLegacyMsg-0123456', 'https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-EntrylabLegacyMsg-0123456',
 '-1001000000003', '2025-12-16 06:00:00', NULL, '2025-12-16 10:05:00', '2025-12-16 10:05:00'),
(3, 'goldmike', 'signal',  '7000000021:AAFakeGoldmikeSignal-0123456789abcd', 'GoldMikeSignalsBot',
 'FakeWebhookSecret-GoldmikeSignal-0123456789', 'https://app.entrylab.io/api/bot-webhook/FakeWebhookSecret-GoldmikeSignal-0123456789',
 '-1003000000001', '2025-12-16 12:00:00', NULL, '2025-12-16 11:00:00', '2025-12-16 12:00:00');

-- telegram_webhook_secrets: left empty (no code version writes it).

INSERT INTO tenant_stripe_settings (tenant_id, vip_product_id, vip_price_id, stripe_account_id, stripe_last_sync_at, created_at, updated_at) VALUES
('entrylab', 'prod_FakeEntrylabMonthly', 'price_FakeEntrylabMonthly', NULL, '2025-12-15 06:00:00', '2025-12-14 12:00:00', '2025-12-15 06:00:00');
INSERT INTO tenant_stripe_products (id, tenant_id, product_id, name, description, active, metadata, created_at, updated_at) VALUES
(1, 'entrylab', 'prod_FakeEntrylabMonthly', 'VIP Monthly', 'Gold signals, billed monthly', TRUE, '{}', '2025-12-14 12:00:00', '2025-12-15 06:00:00');
INSERT INTO tenant_stripe_prices (id, tenant_id, price_id, product_id, currency, unit_amount, recurring_interval, recurring_interval_count, nickname, active, type, created_at, updated_at) VALUES
(1, 'entrylab', 'price_FakeEntrylabMonthly', 'prod_FakeEntrylabMonthly', 'usd', 4900, 'month', 1, 'Monthly', TRUE, 'recurring', '2025-12-14 12:00:00', '2025-12-15 06:00:00');

INSERT INTO processed_webhook_events (id, tenant_id, event_id, event_source, processed_at) VALUES
(1, 'stripe', 'evt_1FakeOlderCheckout000001', 'stripe', '2025-12-16 09:00:05'),
(2, 'stripe', 'evt_1FakeOlderInvoicePaid0002', 'stripe', '2025-12-16 09:00:09');
INSERT INTO processed_webhook_events_old (event_id, event_type, processed_at) VALUES
('evt_1FakeOldInvoicePaid000001', 'invoice.paid',               '2025-12-10 08:15:00'),
('evt_1FakeOldCheckout00000002',  'checkout.session.completed', '2025-12-12 19:40:00');
INSERT INTO processed_webhook_events_v2 (id, tenant_id, event_id, event_source, processed_at) VALUES
(1, 'entrylab', 'evt_1FakeOldCheckout00000002', 'stripe', '2025-12-12 19:40:00');

-- forex_signals: single TP only (no take_profit_2/3, no tpN_hit columns in this shape)
INSERT INTO forex_signals (id, tenant_id, signal_type, pair, timeframe, bot_type, status, entry_price, stop_loss, take_profit,
    rsi_value, macd_value, atr_value, posted_at, telegram_message_id, breakeven_set, breakeven_price,
    closed_at, result_pips, timeout_notified, thesis_status, notes) VALUES
(1, 'entrylab', 'BUY',  'XAU/USD', '15min', 'aggressive',   'won',     4068.20, 4060.20, 4074.20, 57.10,  0.8120, 4.00, '2025-11-25 10:00:00', 40210, TRUE,  4068.20, '2025-11-25 11:20:00', 60.00,  FALSE, 'intact', NULL),
(2, 'entrylab', 'SELL', 'XAU/USD', '1h',    'conservative', 'lost',    4205.50, 4217.50, 4193.50, 62.30,  0.5510, 6.10, '2025-12-02 14:00:00', 41750, FALSE, NULL,    '2025-12-02 16:45:00', -120.00, FALSE, 'broken', NULL),
(3, 'entrylab', 'BUY',  'XAU/USD', '15min', 'raja_banks',   'expired', 4190.80, 4182.80, 4196.80, 43.90, -0.1040, 3.85, '2025-12-08 15:30:00', 42300, FALSE, NULL,    '2025-12-08 19:30:00', 9.50,   TRUE,  'intact', NULL),
(4, 'entrylab', 'SELL', 'XAU/USD', '15min', 'aggressive',   'pending', 4301.40, 4309.40, 4295.40, 65.00,  1.0200, 4.20, '2025-12-16 16:45:00', 42980, FALSE, NULL,    NULL,                  NULL,   FALSE, 'intact', NULL),
(5, 'goldmike', 'BUY',  'XAU/USD', '15min', 'aggressive',   'won',     4288.00, 4280.00, 4294.00, 45.50, -0.2000, 3.95, '2025-12-15 09:30:00', 17,    TRUE,  4288.00, '2025-12-15 10:10:00', 60.00,  FALSE, 'intact', NULL);

INSERT INTO signal_narrative (id, signal_id, event_type, event_time, current_price, progress_percent, indicators, indicator_deltas, guidance_type, message_sent, notes) VALUES
(1, 1, 'entry',   '2025-11-25 10:00:00', 4068.20, 0.00,   '{"rsi": 57.1}', NULL, NULL, 'BUY XAU/USD @ 4068.20', NULL),
(2, 1, 'tp_hit',  '2025-11-25 11:20:00', 4074.20, 100.00, NULL,            NULL, NULL, 'Target hit (+60 pips)', NULL);

INSERT INTO forex_config (id, tenant_id, setting_key, setting_value, updated_at) VALUES
(1,  'entrylab', 'rsi_oversold',                  '40',   '2025-11-03 09:12:44'),
(2,  'entrylab', 'rsi_overbought',                '60',   '2025-11-03 09:12:44'),
(3,  'entrylab', 'adx_threshold',                 '15',   '2025-11-03 09:12:44'),
(4,  'entrylab', 'atr_sl_multiplier',             '2.0',  '2025-11-03 09:12:44'),
(5,  'entrylab', 'atr_tp_multiplier',             '4.0',  '2025-11-03 09:12:44'),
(6,  'entrylab', 'trading_start_hour',            '8',    '2025-11-03 09:12:44'),
(7,  'entrylab', 'trading_end_hour',              '22',   '2025-11-03 09:12:44'),
(8,  'entrylab', 'daily_loss_cap_pips',           '50.0', '2025-11-03 09:12:44'),
(9,  'entrylab', 'back_to_back_throttle_minutes', '30',   '2025-11-03 09:12:44'),
(10, 'entrylab', 'session_filter_enabled',        'true', '2025-11-03 09:12:44'),
(11, 'entrylab', 'session_start_hour_utc',        '8',    '2025-11-03 09:12:44'),
(12, 'entrylab', 'session_end_hour_utc',          '21',   '2025-11-03 09:12:44'),
(13, 'entrylab', 'last_daily_recap',              '2025-12-15', '2025-12-15 21:00:02'),
(14, 'goldmike', 'last_daily_recap',              '2025-12-15', '2025-12-15 21:00:05');

-- goldmike has no bot_config rows (only entrylab is seeded)
INSERT INTO bot_config (id, tenant_id, setting_key, setting_value, updated_at) VALUES
(1, 'entrylab', 'active_bot', 'aggressive', '2025-11-24 12:00:00');

INSERT INTO recent_phrases (id, tenant_id, phrase_type, phrase_text, used_at) VALUES
(1, 'entrylab', 'celebration', 'Clean TP on gold, nice work', '2025-11-25 11:20:05');

INSERT INTO telegram_subscriptions (id, tenant_id, email, name, telegram_user_id, telegram_username, stripe_customer_id, stripe_subscription_id,
    plan_type, amount_paid, status, invite_link, joined_at, last_seen_at, revoked_at, created_at, updated_at) VALUES
(1, 'entrylab', 'sam.trader@example.com',      'Sam Trader', 5000000001, 'samtrades', 'cus_FakeEntrylab0001', 'sub_FakeEntrylabMonthly0001', 'VIP Monthly', 49.00, 'active',      'https://t.me/+FakeInviteEntrylab0001', '2025-12-01 10:05:00', '2025-12-16 08:00:00', NULL, '2025-12-01 10:00:00', '2025-12-16 08:00:00'),
(2, 'entrylab', 'organic_5000000004@telegram', 'Marco',      5000000004, 'marco_gold', NULL,                  NULL,                          'free',        0.00,  'free_joined', NULL,                                   '2025-12-05 11:00:00', '2025-12-16 07:10:00', NULL, '2025-12-05 11:00:00', '2025-12-05 11:00:00'),
(3, 'entrylab', 'pending.paid@example.com',    'Alex P',     NULL,       NULL,         'cus_FakeEntrylab0006', 'sub_FakeEntrylabMonthly0006', 'premium',     49.00, 'pending',     'https://t.me/+FakeInviteEntrylab0006', NULL,                  NULL,                  NULL, '2025-12-16 15:00:00', '2025-12-16 15:00:00'),
(4, 'entrylab', 'revoked.user@example.com',    'Robin R',    5000000009, 'robin_r',    'cus_FakeEntrylab0009', 'sub_FakeEntrylabMonthly0009', 'VIP Monthly', 49.00, 'revoked',     'https://t.me/+FakeInviteEntrylab0009', '2025-11-10 14:00:00', '2025-12-09 22:00:00', '2025-12-10 00:05:00', '2025-11-10 13:58:00', '2025-12-10 00:05:00');

INSERT INTO bot_users (tenant_id, chat_id, last_coupon_code, first_used, last_used) VALUES
('entrylab', 6000000001, 'GOLD20', '2025-11-20 10:00:00', '2025-12-15 12:00:00'),
('entrylab', 6000000002, NULL,     '2025-11-21 08:30:00', '2025-12-14 09:00:00'),
('goldmike', 6000000201, 'MIKE10', '2025-12-15 18:00:00', '2025-12-15 18:00:00');

INSERT INTO bot_usage (id, tenant_id, chat_id, template_slug, coupon_code, success, device_type, created_at) VALUES
(1, 'entrylab', 6000000001, 'gold-square', 'GOLD20',  TRUE,  'unknown', '2025-12-15 12:00:00'),
(2, 'entrylab', 6000000002, 'gold-square', 'BADCODE', FALSE, 'unknown', '2025-12-14 09:00:00'),
(3, 'goldmike', 6000000201, 'mike-square', 'MIKE10',  TRUE,  'unknown', '2025-12-15 18:00:00');

INSERT INTO broadcast_jobs (id, tenant_id, message, target_days, status, total_users, sent_count, failed_count, created_at, completed_at) VALUES
(1, 'entrylab', 'Black Friday winners announced!', 30, 'completed', 98, 96, 2, '2025-12-01 10:00:00', '2025-12-01 10:03:10');

INSERT INTO campaigns (id, tenant_id, title, description, start_date, end_date, prize, platforms, status, created_at, updated_at, overlay_url) VALUES
(1, 'entrylab', 'December Gold Rush', 'Share your December wins', '2025-12-01 00:00:00', '2025-12-31 23:59:00', '$250 funded account', '["instagram", "twitter"]', 'ongoing', '2025-11-28 10:00:00', '2025-12-01 00:00:05', NULL);
INSERT INTO submissions (id, campaign_id, email, instagram_url, twitter_url, facebook_url, created_at) VALUES
(1, 1, 'fan1@example.com', 'https://instagram.com/p/FakePost0101', NULL, NULL, '2025-12-03 14:00:00');

SELECT setval(pg_get_serial_sequence('tenant_users', 'id'),                (SELECT max(id) FROM tenant_users));
SELECT setval(pg_get_serial_sequence('clerk_users', 'id'),                 (SELECT max(id) FROM clerk_users));
SELECT setval(pg_get_serial_sequence('tenant_integrations', 'id'),         (SELECT max(id) FROM tenant_integrations));
SELECT setval(pg_get_serial_sequence('tenant_bot_connections', 'id'),      (SELECT max(id) FROM tenant_bot_connections));
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

COMMIT;
