using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Jobs;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Telegram;
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Jobs;

/// <summary>
/// How one queue table's own status values map onto the shared claim mechanism, and how it retries. A claimed
/// status equal to the pending one means "pending under a lease" (the table has no in-flight status of its own).
/// </summary>
public sealed class QueueDefinition
{
    private QueueDefinition(string table, string pending, string claimed, string completed, string failed, RetryPolicy retry)
    {
        Table = table;
        Pending = pending;
        Claimed = claimed;
        Completed = completed;
        Failed = failed;
        Retry = retry;
        Sql = new QueueSql(this);
    }

    public string Table { get; }
    public string Pending { get; }
    public string Claimed { get; }
    public string Completed { get; }
    public string Failed { get; }
    public RetryPolicy Retry { get; }
    public ExpiredLeasePolicy? Abandon { get; private init; }
    public string? ClaimedAtColumn { get; private init; }
    public string? CompletedAtColumn { get; private init; }

    /// <summary>An extra condition on a candidate row <c>c</c> (e.g. "no earlier unfinished update of the same chat").</summary>
    public string? ClaimCondition { get; private init; }

    /// <summary>A column a claim can be limited to one value of (e.g. the bot whose sender is claiming).</summary>
    public string? ScopeColumn { get; private init; }

    /// <summary>
    /// The claim order, as columns: due time then id unless the queue has priorities. The table's claim index has
    /// these columns over its unfinished rows, so a claim reads only the rows it takes, however long the backlog.
    /// </summary>
    public IReadOnlyList<string> ClaimOrder { get; private init; } = DefaultClaimOrder;

    public string OrderBy => field ??= string.Join(", ", ClaimOrder.Select(column => $"c.{column}"));

    private static readonly string[] DefaultClaimOrder = ["next_attempt_at", "id"];

    /// <summary>A column that records the result of the work on completion (e.g. the sent message's id).</summary>
    public string? ResultColumn { get; private init; }

    /// <summary>
    /// Claims take turns between tenants: a claim takes each tenant's first due item, then each one's second, and so
    /// on, so one tenant's backlog (a flood of updates, a huge broadcast) delays nobody else's next item. The table has
    /// a second claim index, led by <c>tenant_id</c>, for it.
    /// </summary>
    public bool FairBetweenTenants { get; private init; }

    /// <summary>The statements of the shared claim mechanism for this table, built from trusted constants on first use.</summary>
    internal QueueSql Sql { get; }

    public static QueueDefinition For<TStatus>(
        string table, TStatus pending, TStatus claimed, TStatus completed, TStatus failed, RetryPolicy retry,
        (TStatus Status, string? Condition)? abandon = null, string? claimedAtColumn = null, string? completedAtColumn = null,
        string? claimCondition = null, string? scopeColumn = null, string[]? claimOrder = null, string? resultColumn = null,
        bool fairBetweenTenants = false)
        where TStatus : struct, Enum =>
        new(table, EnumNames<TStatus>.Lower(pending), EnumNames<TStatus>.Lower(claimed), EnumNames<TStatus>.Lower(completed),
            EnumNames<TStatus>.Lower(failed), retry)
        {
            Abandon = abandon is { } a ? new ExpiredLeasePolicy(EnumNames<TStatus>.Lower(a.Status), a.Condition) : null,
            ClaimedAtColumn = claimedAtColumn,
            CompletedAtColumn = completedAtColumn,
            ClaimCondition = claimCondition,
            ScopeColumn = scopeColumn,
            ClaimOrder = claimOrder ?? DefaultClaimOrder,
            ResultColumn = resultColumn,
            FairBetweenTenants = fairBetweenTenants,
        };
}

/// <summary>
/// For work that must not run twice: an item whose lease expired (its worker died mid-way, perhaps after sending)
/// moves to <see cref="Status"/> instead of being claimed again, for the rows matching <see cref="Condition"/>
/// (all rows when null).
/// </summary>
public sealed record ExpiredLeasePolicy(string Status, string? Condition);

/// <summary>The queue tables of the features, each mapped once.</summary>
public static class Queues
{
    /// <summary>Cross-promo posts are at-most-once: a post whose worker died mid-way is failed, never re-posted.</summary>
    public static readonly QueueDefinition CrossPromoJobs = QueueDefinition.For(
        "crosspromo_jobs", CrossPromoJobStatus.Pending, CrossPromoJobStatus.Claimed, CrossPromoJobStatus.Completed,
        CrossPromoJobStatus.Failed, RetryPolicy.Default, abandon: (CrossPromoJobStatus.Failed, null), claimedAtColumn: "claimed_at",
        completedAtColumn: "completed_at");

    public static readonly QueueDefinition BroadcastJobs = QueueDefinition.For(
        "broadcast_jobs", BroadcastJobStatus.Pending, BroadcastJobStatus.Processing, BroadcastJobStatus.Completed,
        BroadcastJobStatus.Failed, RetryPolicy.Default, completedAtColumn: "completed_at", fairBetweenTenants: true);

    public static readonly QueueDefinition JourneyScheduledMessages = QueueDefinition.For(
        "journey_scheduled_messages", ScheduledMessageStatus.Pending, ScheduledMessageStatus.Pending, ScheduledMessageStatus.Sent,
        ScheduledMessageStatus.Failed, RetryPolicy.Default, completedAtColumn: "sent_at");

    /// <summary>
    /// Claimed per bot (its sender holds the bot's lease), interactive first; a message that depends on another waits
    /// until that one is sent. A chat gets its messages in the order they were queued: one waits while an earlier one
    /// to the same chat, as urgent or more, is unfinished (e.g. waiting for a retry after Telegram failed), so a
    /// journey's follow-up never overtakes its previous message; a less urgent one (a broadcast) holds nothing back.
    /// Calls without a chat (answering a button press) keep no order. Messages marked at-most-once become
    /// <c>unknown</c> when their sender died mid-call.
    /// </summary>
    public static readonly QueueDefinition TelegramOutbox = QueueDefinition.For(
        "telegram_outbox", OutboxStatus.Pending, OutboxStatus.Sending, OutboxStatus.Sent, OutboxStatus.Failed, RetryPolicy.Default,
        abandon: (OutboxStatus.Unknown, $"delivery = '{EnumNames<DeliverySemantics>.Lower(DeliverySemantics.AtMostOnce)}' AND send_started_at IS NOT NULL"),
        completedAtColumn: "sent_at",
        claimCondition: """
            (c.depends_on_id IS NULL OR (SELECT p.status FROM telegram_outbox AS p WHERE p.id = c.depends_on_id) = 'sent')
            AND (c.chat_id = 0 OR NOT EXISTS (SELECT 1 FROM telegram_outbox AS e
                                              WHERE e.tenant_id = c.tenant_id AND e.bot_telegram_id = c.bot_telegram_id AND e.chat_id = c.chat_id
                                                AND e.id < c.id AND e.status IN ('pending', 'sending') AND e.priority <= c.priority))
            """,
        scopeColumn: "bot_telegram_id",
        claimOrder: ["priority", "next_attempt_at", "id"],
        resultColumn: "telegram_message_id");

    /// <summary>Events are retried until handled: the backoff grows to an hour and never gives up.</summary>
    public static readonly QueueDefinition DomainEvents = QueueDefinition.For(
        "domain_events", DomainEventStatus.Pending, DomainEventStatus.Pending, DomainEventStatus.Dispatched,
        DomainEventStatus.Failed, new RetryPolicy(int.MaxValue, TimeSpan.FromSeconds(2), TimeSpan.FromHours(1)),
        completedAtColumn: "dispatched_at", fairBetweenTenants: true);

    /// <summary>
    /// Updates of one chat are processed one at a time, in <c>update_id</c> order: an update is claimed only when no
    /// earlier update of its chat is still pending (even waiting for a retry) or being processed. Tenants take turns.
    /// </summary>
    public static readonly QueueDefinition TelegramInbox = QueueDefinition.For(
        "telegram_updates", InboxStatus.Pending, InboxStatus.Processing, InboxStatus.Processed, InboxStatus.Failed, RetryPolicy.Default,
        completedAtColumn: "processed_at",
        fairBetweenTenants: true,
        claimCondition: """
            NOT EXISTS (SELECT 1 FROM telegram_updates AS o
                        WHERE o.tenant_id = c.tenant_id AND o.bot_telegram_id = c.bot_telegram_id AND o.chat_id = c.chat_id
                          AND o.update_id < c.update_id AND o.status IN ('pending', 'processing'))
            """);

    public static IReadOnlyList<QueueDefinition> All { get; } =
        [CrossPromoJobs, BroadcastJobs, JourneyScheduledMessages, TelegramOutbox, DomainEvents, TelegramInbox];
}

/// <summary>SQL text of the claim mechanism for one queue table; every value is a parameter.</summary>
internal sealed class QueueSql(QueueDefinition queue)
{
    private string Abandons => queue.Abandon is null ? "FALSE" : queue.Abandon.Condition ?? "TRUE";

    /// <summary>
    /// Items whose worker died holding them: at-most-once work is abandoned (it may have run), and work that has used
    /// up its attempts fails for good instead of being reclaimed forever.
    /// </summary>
    public string Expire => field ??=
        $"""
        UPDATE {queue.Table}
        SET status = CASE WHEN {Abandons} THEN @abandoned ELSE @failed END,
            locked_until = NULL,
            last_error = CASE WHEN {Abandons}
                THEN 'The worker''s lease expired while it held this item; it may have run, so it is not run again.'
                ELSE 'Gave up: the worker''s lease expired on the last allowed attempt.' END
        WHERE status = @claimed AND locked_until < @now AND (({Abandons}) OR attempts >= @maxAttempts)
        """;

    private string Unfinished => "c.status IN (@pending, @claimed)";

    private string Claimable =>
        $"{Unfinished} AND c.next_attempt_at <= @now AND (c.locked_until IS NULL OR c.locked_until < @now)"
        + (queue.ClaimCondition is null ? string.Empty : $"\n              AND {queue.ClaimCondition}")
        + (queue.ScopeColumn is null ? string.Empty : $"\n              AND (@scope IS NULL OR (c.tenant_id = @scopeTenant AND c.{queue.ScopeColumn} = @scope))");

    private string Claimed =>
        $"""
        UPDATE {queue.Table} AS t
        SET status = @claimed, locked_until = @lockedUntil, attempts = t.attempts + 1{(queue.ClaimedAtColumn is null ? string.Empty : $", {queue.ClaimedAtColumn} = @now")}
        FROM due WHERE t.id = due.id
        RETURNING t.id, t.tenant_id, t.attempts, t.locked_until
        """;

    public string Claim => field ??= queue.FairBetweenTenants ? FairClaim : FifoClaim;

    /// <summary>
    /// The tenants with unfinished items are found by a loose scan of the fair claim index (one descent per tenant,
    /// not a read of the backlog); each offers its due items in claim order, locked as they are read, and the claim
    /// takes them by turn: every tenant's first, then every tenant's second.
    /// </summary>
    private string FairClaim =>
        $"""
        WITH RECURSIVE owners AS (
            (SELECT c.tenant_id FROM {queue.Table} AS c WHERE {Unfinished} ORDER BY {FairIndexColumns} LIMIT 1)
            UNION ALL
            SELECT (SELECT c.tenant_id FROM {queue.Table} AS c WHERE {Unfinished} AND c.tenant_id > o.tenant_id ORDER BY {FairIndexColumns} LIMIT 1)
            FROM owners AS o WHERE o.tenant_id IS NOT NULL),
        due AS (
            SELECT offered.id FROM owners AS o
            CROSS JOIN LATERAL (
                SELECT l.*, row_number() OVER (ORDER BY {ClaimColumns("l")}) AS turn
                FROM (SELECT {string.Join(", ", queue.ClaimOrder.Append("id").Distinct().Select(column => $"c.{column}"))} FROM {queue.Table} AS c
                      WHERE c.tenant_id = o.tenant_id AND {Claimable}
                      ORDER BY {queue.OrderBy}
                      LIMIT @batch
                      FOR UPDATE SKIP LOCKED) AS l) AS offered
            WHERE o.tenant_id IS NOT NULL
            ORDER BY offered.turn, {ClaimColumns("offered")}
            LIMIT @batch)
        {Claimed}
        """;

    /// <summary>The fair claim index's order: the only index that gives it, so the loose scan reads unfinished rows only.</summary>
    private string FairIndexColumns => $"c.tenant_id, {queue.OrderBy}";

    private string ClaimColumns(string alias) => string.Join(", ", queue.ClaimOrder.Select(column => $"{alias}.{column}"));

    private string FifoClaim =>
        $"""
        WITH due AS (
            SELECT c.id FROM {queue.Table} AS c
            WHERE {Claimable}
            ORDER BY {queue.OrderBy}
            LIMIT @batch
            FOR UPDATE SKIP LOCKED)
        {Claimed}
        """;

    public string Renew => field ??=
        $"UPDATE {queue.Table} SET locked_until = @lockedUntil WHERE id = @id AND status = @claimed AND locked_until = @lease";

    public string Complete => field ??=
        $"""
        UPDATE {queue.Table} SET status = @completed, locked_until = NULL, last_error = NULL{(queue.CompletedAtColumn is null ? string.Empty : $", {queue.CompletedAtColumn} = @now")}{(queue.ResultColumn is null ? string.Empty : $", {queue.ResultColumn} = @result")}
        WHERE id = @id AND status = @claimed AND locked_until = @lease
        """;

    /// <summary>Completes several claimed items in one statement, each fenced by its own lease; returns the ids it completed.</summary>
    public string CompleteMany => field ??=
        $"""
        UPDATE {queue.Table} AS t SET status = @completed, locked_until = NULL, last_error = NULL{(queue.CompletedAtColumn is null ? string.Empty : $", {queue.CompletedAtColumn} = @now")}
        FROM unnest(@ids, @leases) AS c(id, lease)
        WHERE t.id = c.id AND t.status = @claimed AND t.locked_until = c.lease
        RETURNING t.id
        """;

    public string ContinueLater => field ??=
        $"""
        UPDATE {queue.Table} SET locked_until = NULL, next_attempt_at = @at, attempts = greatest(attempts - 1, 0)
        WHERE id = @id AND status = @claimed AND locked_until = @lease
        """;

    /// <summary>Settles an item whose work may have happened in the queue's abandoned status: it is never run again.</summary>
    public string Abandon => field ??=
        $"UPDATE {queue.Table} SET status = @abandoned, locked_until = NULL, last_error = @error WHERE id = @id AND status = @claimed AND locked_until = @lease";

    /// <summary>Puts an item back without spending an attempt (a rate limit, not a failure, held it back).</summary>
    public string Postpone => field ??=
        $"""
        UPDATE {queue.Table} SET status = @pending, locked_until = NULL, next_attempt_at = @until, attempts = greatest(attempts - 1, 0)
        WHERE id = @id AND status = @claimed AND locked_until = @lease
        """;

    public string Fail => field ??=
        $"""
        UPDATE {queue.Table} SET status = @status, locked_until = NULL, last_error = @error, next_attempt_at = @retryAt
        WHERE id = @id AND status = @claimed AND locked_until = @lease
        """;
}
