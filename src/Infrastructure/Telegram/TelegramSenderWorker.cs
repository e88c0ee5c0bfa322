using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Telegram;
using PromoStack.Domain.Connections;
using PromoStack.Infrastructure.Configuration;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Observability;
using PromoStack.Infrastructure.Persistence;
using PromoStack.Infrastructure.Tenancy;

namespace PromoStack.Infrastructure.Telegram;

/// <summary>
/// Sends the outbox. For each bot with due messages it takes the bot's sender lease (one sender per bot across all
/// instances), claims the bot's messages in priority order — a message waits for the one it depends on — and sends
/// them at Telegram's limits: 429 pauses the bot for retry_after, network errors and 5xx retry with backoff, a user
/// who blocked the bot is marked and the message failed, other refusals fail with Telegram's reason. A call is made
/// only under leases (the bot's and the message's) that outlast it: each is extended to cover the call's timeout before
/// it starts, and a message whose lease was lost (another instance took it while this one waited on a slow Telegram)
/// is left alone; an at-most-once message is sent only after its "sending" mark was written under its current lease.
/// </summary>
public sealed partial class TelegramSenderWorker(
    IServiceScopeFactory scopeFactory, WorkQueue workQueue, TenantScopes tenantScopes, ISecretProtector secrets, BotRateLimiter limiter,
    IHttpClientFactory httpClients, IOptions<TelegramOptions> options, StoredImages storedImages, TimeProvider clock, ILogger<TelegramSenderWorker> logger)
    : IQueueWorker
{
    private const string FailOrphansSql =
        """
        UPDATE telegram_outbox AS c SET status = 'failed', locked_until = NULL,
            last_error = 'Not sent: the message it depends on was not delivered.'
        WHERE c.status = 'pending' AND c.depends_on_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM telegram_outbox AS p WHERE p.id = c.depends_on_id AND p.status IN ('failed', 'unknown'))
        """;

    private const string DueBotsSql =
        """
        SELECT DISTINCT tenant_id, bot_telegram_id FROM telegram_outbox
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= @now AND (locked_until IS NULL OR locked_until < @now)
        """;

    private const string HoldBotSql =
        """
        INSERT INTO telegram_bot_senders (bot_telegram_id, tenant_id, holder, locked_until) VALUES (@bot, @tenant, @holder, @until)
        ON CONFLICT (bot_telegram_id) DO UPDATE SET holder = EXCLUDED.holder, locked_until = EXCLUDED.locked_until, tenant_id = EXCLUDED.tenant_id
        WHERE telegram_bot_senders.holder = EXCLUDED.holder OR telegram_bot_senders.locked_until < @now
        """;

    private const string ReleaseBotsSql = "UPDATE telegram_bot_senders SET locked_until = @past WHERE holder = @holder";

    /// <summary>How much longer than a call's timeout a lease must last when the call starts.</summary>
    private static readonly TimeSpan CallMargin = TimeSpan.FromSeconds(5);

    private const string RowsSql =
        """
        SELECT o.id, o.chat_id, o.method, o.payload::text AS payload, o.delivery, p.telegram_message_id::bigint AS parent_message_id,
               p.result_text AS parent_result_text, o.kind, o.dedupe_key, o.bot_role
        FROM telegram_outbox AS o LEFT JOIN telegram_outbox AS p ON p.id = o.depends_on_id
        WHERE o.id = ANY(@ids)
        ORDER BY o.priority, o.next_attempt_at, o.id
        """;

    /// <summary>Just before an at-most-once call: from here on, a crash leaves the message <c>unknown</c>, never resent.</summary>
    private const string MarkStartedSql = "UPDATE telegram_outbox SET send_started_at = @now WHERE id = @id AND locked_until = @lease";

    private const string RecordTextSql = "UPDATE telegram_outbox SET result_text = @text WHERE id = @id AND locked_until = @lease";

    private readonly Guid _holder = Guid.NewGuid();

    public QueueDefinition Queue => Queues.TelegramOutbox;

    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(1);

    public int BatchSize { get; init; } = 60;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var bots = await WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync(FailOrphansSql, cancellationToken);
            return await db.Database.SqlQueryRaw<DueBot>(DueBotsSql, new NpgsqlParameter("now", WorkQueue.Microseconds(clock.GetUtcNow())))
                .ToListAsync(cancellationToken);
        });

        var sent = 0;
        foreach (var bot in bots)
        {
            if (await HoldAsync(bot, Lease, cancellationToken))
            {
                sent += await SendForBotAsync(bot, cancellationToken);
            }
        }

        return sent;
    }

    private async Task<int> SendForBotAsync(DueBot due, CancellationToken cancellationToken)
    {
        var claimed = await workQueue.ClaimAsync<long>(Queue, BatchSize, Lease, cancellationToken, scope: (due.TenantId, due.BotTelegramId));
        if (claimed.Count == 0)
        {
            return 0;
        }

        var byId = claimed.ToDictionary(c => c.Id);
        var rows = await WithDbAsync(db => db.Database.SqlQueryRaw<OutboxRow>(RowsSql, new NpgsqlParameter("ids", byId.Keys.ToArray())).ToListAsync(cancellationToken));
        var (token, connected) = await TokenAsync(due, cancellationToken);
        if (!connected)
        {
            foreach (var row in rows)
            {
                await GiveUpAsync(due, row, byId[row.Id], "The bot is no longer connected.", permanent: true, cancellationToken);
            }

            return 0;
        }

        if (token is null)
        {
            return await RecordSandboxSendsAsync(rows, byId, cancellationToken);
        }

        var bot = TelegramBotApi.Client(token, options.Value, httpClients);

        var sent = 0;
        var callCover = TimeSpan.FromSeconds(options.Value.TimeoutSeconds) + CallMargin;
        foreach (var row in rows)
        {
            var now = clock.GetUtcNow();
            var slot = limiter.NextSlot(due.BotTelegramId, row.ChatId, now, TelegramRequests.IsMessage(row.Method));
            if (slot > now)
            {
                await workQueue.PostponeAsync(Queue, byId[row.Id], slot, cancellationToken);
                continue;
            }

            // The leases must outlast the call: a slow Telegram must not let another instance take the bot or the message meanwhile.
            if (!await HoldAsync(due, callCover > Lease ? callCover : Lease, cancellationToken))
            {
                break;
            }

            var work = byId[row.Id].LockedUntil >= now + callCover ? byId[row.Id] : await workQueue.RenewAsync(Queue, byId[row.Id], callCover, cancellationToken);
            if (work is null)
            {
                continue;
            }

            if (row.Delivery == "at_most_once" && await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(MarkStartedSql,
                    [new NpgsqlParameter("now", WorkQueue.Microseconds(now)), new NpgsqlParameter("id", row.Id), new NpgsqlParameter("lease", work.LockedUntil)],
                    cancellationToken)) != 1)
            {
                continue;
            }

            limiter.Record(due.BotTelegramId, row.ChatId, now, TelegramRequests.IsMessage(row.Method));

            var result = await TelegramRequests.SendAsync(
                bot, row.Method, row.Payload, row.ParentMessageId, cancellationToken, row.ParentResultText,
                (request, ct) => storedImages.AttachAsync(due.TenantId, request, ct));
            sent += await RecordAsync(due, row, work, result, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> RecordAsync(DueBot due, OutboxRow row, ClaimedWork<long> work, SendResult result, CancellationToken cancellationToken)
    {
        Telemetry.Deliveries.Add(1, Telemetry.Tag("bot_role", row.BotRole), Telemetry.Tag("outcome", result switch
        {
            SendResult.Sent => "sent",
            SendResult.RateLimited => "rate_limited",
            SendResult.Blocked => "blocked",
            SendResult.Rejected => "rejected",
            _ => "transient",
        }));
        switch (result)
        {
            case SendResult.Sent sent:
                await CompleteAsync(row, work, sent, cancellationToken);
                return true;
            case SendResult.RateLimited limited:
                var until = clock.GetUtcNow() + limited.RetryAfter;
                limiter.Pause(due.BotTelegramId, until);
                LogRateLimited(due.BotTelegramId, limited.RetryAfter.TotalSeconds);
                await workQueue.PostponeAsync(Queue, work, until, cancellationToken);
                return false;
            case SendResult.Blocked blocked:
                // Each bot is blocked on its own: the message bot's flag, or the coupon bot's; a user who blocked the signal bot
                // (a different bot) may still talk to the others.
                await tenantScopes.RunAsync(due.TenantId, async (services, ct) =>
                {
                    var db = services.GetRequiredService<AppDbContext>();
                    var roles = await db.BotConnections.Where(c => c.BotTelegramId == due.BotTelegramId).Select(c => c.BotRole).ToListAsync(ct);
                    var user = db.BotUsers.Where(u => u.ChatId == row.ChatId);
                    if (roles.Contains(BotRole.CouponBot))
                    {
                        await user.ExecuteUpdateAsync(u => u.SetProperty(x => x.CouponBotBlocked, true), ct);
                    }
                    else if (roles.Contains(BotRole.MessageBot))
                    {
                        await user.ExecuteUpdateAsync(u => u.SetProperty(x => x.IsBlocked, true), ct);
                    }
                }, cancellationToken);
                await GiveUpAsync(due, row, work, blocked.Reason, permanent: true, cancellationToken);
                return false;
            case SendResult.Rejected rejected:
                await GiveUpAsync(due, row, work, rejected.Reason, permanent: true, cancellationToken);
                return false;
            case SendResult.Transient transient when row.Delivery == "at_most_once":
                // The call may have reached Telegram (a timeout, a lost answer): an at-most-once message is not sent again.
                await workQueue.AbandonAsync(Queue, work, $"It may have gone out ({transient.Reason}); at most once, so it is not sent again.", cancellationToken);
                return false;
            case SendResult.Transient transient:
                await GiveUpAsync(due, row, work, transient.Reason, permanent: false, cancellationToken);
                return false;
            default:
                throw new InvalidOperationException($"Unknown send result {result.GetType().Name}.");
        }
    }

    /// <summary>A sandbox bot's calls are recorded as made, with generated ids, and nothing reaches Telegram.</summary>
    private async Task<int> RecordSandboxSendsAsync(IReadOnlyList<OutboxRow> rows, Dictionary<long, ClaimedWork<long>> byId, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var result = new SendResult.Sent(row.Id, row.Method == "createChatInviteLink" ? $"https://t.me/+sandbox{row.Id}" : null);
            await CompleteAsync(row, byId[row.Id], result, cancellationToken);
        }

        return rows.Count;
    }

    /// <summary>
    /// Records a failed call (retried later unless permanent or out of attempts); when the message is given up, the
    /// feature that queued it is told (e.g. a journey fails its session). A crash between the two leaves the feature
    /// untold: its own timers still move it on.
    /// </summary>
    private async Task GiveUpAsync(DueBot due, OutboxRow row, ClaimedWork<long> work, string reason, bool permanent, CancellationToken cancellationToken)
    {
        var recorded = await workQueue.FailAsync(Queue, work, reason, permanent, cancellationToken);
        if (recorded && (permanent || Queue.Retry.IsFinal(work.Attempts)))
        {
            await tenantScopes.RunAsync(due.TenantId, async (services, ct) =>
                await services.GetRequiredService<ISender>().Send(new TelegramDeliveryGaveUp(row.Kind, row.DedupeKey, reason), ct), cancellationToken);
        }
    }

    private async Task CompleteAsync(OutboxRow row, ClaimedWork<long> work, SendResult.Sent sent, CancellationToken cancellationToken)
    {
        if (sent.Text is not null)
        {
            await WithDbAsync(db => db.Database.ExecuteSqlRawAsync(RecordTextSql,
                [new NpgsqlParameter("text", sent.Text), new NpgsqlParameter("id", row.Id), new NpgsqlParameter("lease", work.LockedUntil)],
                cancellationToken));
        }

        await workQueue.CompleteAsync(Queue, work, cancellationToken, sent.MessageId);
    }

    /// <summary>Hands the bots this instance sends for to the next instance at once (a clean shutdown, e.g. a deployment).</summary>
    public Task ReleaseAsync(CancellationToken cancellationToken) =>
        WithDbAsync(db => db.Database.ExecuteSqlRawAsync(ReleaseBotsSql,
            [new NpgsqlParameter("holder", _holder), new NpgsqlParameter("past", WorkQueue.Microseconds(clock.GetUtcNow()) - TimeSpan.FromSeconds(1))], cancellationToken));

    /// <summary>Takes (or keeps) the bot's sender lease for <paramref name="lease"/> from now; false when another instance holds it.</summary>
    private Task<bool> HoldAsync(DueBot bot, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = WorkQueue.Microseconds(clock.GetUtcNow());
        return WithDbAsync(async db => await db.Database.ExecuteSqlRawAsync(HoldBotSql,
            [new NpgsqlParameter("bot", bot.BotTelegramId), new NpgsqlParameter("tenant", bot.TenantId), new NpgsqlParameter("holder", _holder),
                new NpgsqlParameter("until", now + lease), new NpgsqlParameter("now", now)],
            cancellationToken) == 1);
    }

    /// <summary>The bot's token (null for a sandbox bot), or not connected when the tenant has removed the bot.</summary>
    private Task<(string? Token, bool Connected)> TokenAsync(DueBot bot, CancellationToken cancellationToken) =>
        tenantScopes.RunAsync(bot.TenantId, async (services, ct) =>
        {
            var connection = await services.GetRequiredService<AppDbContext>().BotConnections
                .Where(c => c.BotTelegramId == bot.BotTelegramId).Select(c => new { c.BotToken, c.IsSandbox }).FirstOrDefaultAsync(ct);
            return connection is null
                ? (null, false)
                : (connection.IsSandbox ? null : secrets.Unprotect(ConnectionSecrets.Token, connection.BotToken), true);
        }, cancellationToken);

    private async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(DatabaseRoles.System));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rate-limited bot {BotId}: pausing it for {Seconds} s")]
    private partial void LogRateLimited(long botId, double seconds);

    private sealed record DueBot(string TenantId, long BotTelegramId);

    private sealed record OutboxRow(
        long Id, long ChatId, string Method, string Payload, string Delivery, long? ParentMessageId, string? ParentResultText, string Kind, string? DedupeKey, string BotRole);
}
