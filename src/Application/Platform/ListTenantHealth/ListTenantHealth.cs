using Mediator;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Connections;

namespace PromoStack.Application.Platform;

/// <summary>
/// Every tenant on the platform with its health, for platform operators only: a fixed number of grouped queries,
/// whatever the number of tenants.
/// </summary>
public sealed record ListTenantHealth : IQuery<IReadOnlyList<TenantHealthDto>>, ITenantAgnostic, IAuditedQuery;

/// <summary>One tenant and how it stands.</summary>
/// <param name="Bots">The connected bots, by role.</param>
/// <param name="OutboxFailedLast24h">
/// Messages failed or given up in the last 24 hours, as the tenant's dashboard counts them (neither those to users who
/// blocked the bot nor those of a cancelled broadcast).
/// </param>
/// <param name="InboxFailedLast24h">Telegram updates that could not be handled in the last 24 hours.</param>
/// <param name="OldestPendingOutboxAgeSeconds">How long the longest-waiting message that is due has waited; null when none waits.</param>
/// <param name="ActiveSubscriptions">Active subscriptions (VIP members).</param>
/// <param name="StripeConfigured">A Stripe secret key is saved.</param>
/// <param name="LastActivityAt">The latest Telegram update received or message queued; null before the first.</param>
public sealed record TenantHealthDto(
    string Id, string Name, string Timezone, DateTimeOffset CreatedAt, IReadOnlyList<BotHealthDto> Bots, int OutboxFailedLast24h,
    int InboxFailedLast24h, long? OldestPendingOutboxAgeSeconds, int ActiveSubscriptions, bool StripeConfigured, DateTimeOffset? LastActivityAt);

/// <param name="IsSandbox">A sandbox bot (tried out without a webhook) rather than the tenant's real one.</param>
public sealed record BotHealthDto(BotRole Role, string? Username, bool IsSandbox);

internal sealed class ListTenantHealthHandler(IPlatformDirectory directory, TimeProvider clock) : IQueryHandler<ListTenantHealth, IReadOnlyList<TenantHealthDto>>
{
    /// <summary>How far back failures count, as on the dashboard.</summary>
    private static readonly TimeSpan Recent = TimeSpan.FromDays(1);

    public async ValueTask<IReadOnlyList<TenantHealthDto>> Handle(ListTenantHealth query, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return await directory.HealthAsync(now, now - Recent, cancellationToken);
    }
}
