-- A big tenant for the import benchmark, loaded after tests/TestData/OriginalSystem/schema.sql:
-- 100,000 bot users, 20,000 subscriptions and 50,000 closed signals of 'entrylab', plus coupon usage.
BEGIN;
INSERT INTO tenants (id, name, created_at) VALUES ('entrylab', 'EntryLab', '2025-01-01 00:00:00');
INSERT INTO tenant_users (id, clerk_user_id, tenant_id, email, role) VALUES (1, 'user_bench_owner', 'entrylab', 'owner@example.com', 'owner');
INSERT INTO bot_users (chat_id, tenant_id, username, first_name, last_coupon_code, first_used, last_used)
SELECT 6000000000 + n, 'entrylab', 'user' || n, 'User ' || n, CASE WHEN n % 7 = 0 THEN 'SAVE' || (n % 100) END,
       timestamp '2025-06-01' + (n || ' minutes')::interval, timestamp '2025-06-01' + ((n + 5000) || ' minutes')::interval
FROM generate_series(1, 100000) AS n;
INSERT INTO telegram_subscriptions (id, email, telegram_user_id, telegram_username, stripe_customer_id, stripe_subscription_id, plan_type,
                                    amount_paid, status, created_at, updated_at, tenant_id)
SELECT n, 'subscriber' || n || '@example.com', 5000000000 + n, 'sub' || n,
       CASE WHEN n % 5 <> 0 THEN 'cus_bench' || n END, CASE WHEN n % 5 <> 0 THEN 'sub_bench' || n END,
       CASE n % 5 WHEN 0 THEN 'free' WHEN 1 THEN 'VIP Annual' WHEN 2 THEN 'Lifetime VIP' ELSE 'VIP Monthly' END,
       CASE WHEN n % 5 = 0 THEN 0 ELSE 49 END,
       CASE n % 10 WHEN 0 THEN 'free_joined' WHEN 5 THEN 'abandoned' WHEN 3 THEN 'revoked' WHEN 7 THEN 'payment_failed' ELSE 'active' END,
       timestamp '2025-03-01' + (n || ' minutes')::interval, timestamp '2025-09-01', 'entrylab'
FROM generate_series(1, 20000) AS n;
INSERT INTO forex_signals (id, signal_type, pair, timeframe, entry_price, stop_loss, take_profit, take_profit_2, take_profit_3,
                           tp1_percentage, tp2_percentage, tp3_percentage, status, posted_at, closed_at, result_pips,
                           tp1_hit, tp1_hit_at, tp2_hit, tp2_hit_at, tp3_hit, tp3_hit_at, bot_type, tenant_id)
SELECT n, 'BUY', 'XAU/USD', '15min', 2000.00, 1990.00, 2010.00, 2020.00, 2030.00, 50, 30, 20,
       CASE n % 4 WHEN 0 THEN 'lost' WHEN 1 THEN 'won' WHEN 2 THEN 'won' ELSE 'expired' END,
       timestamp '2024-01-01' + (n * 15 || ' minutes')::interval, timestamp '2024-01-01' + ((n * 15 + 90) || ' minutes')::interval,
       CASE n % 4 WHEN 0 THEN -100 ELSE 100 END,
       n % 4 IN (1, 2), timestamp '2024-01-01' + ((n * 15 + 30) || ' minutes')::interval,
       n % 4 = 2, timestamp '2024-01-01' + ((n * 15 + 60) || ' minutes')::interval, false, NULL, 'aggressive', 'entrylab'
FROM generate_series(1, 50000) AS n;
INSERT INTO bot_usage (id, chat_id, template_slug, coupon_code, success, error_type, created_at, tenant_id)
SELECT n, 6000000000 + (n % 100000) + 1, 'promo', 'SAVE' || (n % 100), n % 6 <> 0, CASE WHEN n % 6 = 0 THEN 'invalid_coupon' END,
       timestamp '2025-06-01' + (n || ' minutes')::interval, 'entrylab'
FROM generate_series(1, 30000) AS n;
COMMIT;
