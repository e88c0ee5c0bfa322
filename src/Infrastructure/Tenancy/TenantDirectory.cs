using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Connections;
using PromoStack.Application.Platform;
using PromoStack.Application.Telegram;
using PromoStack.Application.Tenants;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;
using PromoStack.Domain.Tenants;
using PromoStack.Infrastructure.Persistence;

namespace PromoStack.Infrastructure.Tenancy;

/// <summary>What the database knows of a Clerk user at sign-in; <see cref="Role"/> is stored text (<c>admin</c>, <c>member</c>).</summary>
public sealed record SignInSnapshot(
    bool IsCached, string? CachedEmail, DateTimeOffset UpdatedAt, string? TenantId, string? Role, bool IsPlatformOperator)
{
    public TenantRole? TenantRole => Role is null ? null : EnumNames<TenantRole>.Parse(Role);
}

/// <summary>
/// The one place that looks across tenants through EF, to find out which tenant a unit of work belongs to when it
/// starts without one (a sign-in, a webhook, a public page, a worker, a schedule), and to answer the registry's two
/// cross-tenant questions and the platform screen's health figures. Nothing else calls <c>IgnoreQueryFilters</c>, and raw SQL is allowed only in a reviewed
/// list of mechanisms; architecture tests keep both so.
/// </summary>
public sealed class TenantDirectory([FromKeyedServices(DatabaseRoles.System)] AppDbContext db, ITenantContext tenantContext) : ITenantRegistry, IPlatformDirectory, IBotRegistry, ITelegramWebhooks, Application.Me.IWorkspaceDirectory
{
    /// <summary>
    /// Everything sign-in needs to know about a Clerk user, in one round trip: the cached email, the membership of the
    /// workspace the request names (<paramref name="requestedTenant"/>), or of their only one when it names none, and
    /// whether they operate the platform. A workspace they do not belong to gives no membership.
    /// </summary>
    public async Task<SignInSnapshot> SnapshotAsync(string clerkUserId, string? requestedTenant, CancellationToken cancellationToken) =>
        (await db.Database.SqlQuery<SignInSnapshot>(
                $"""
                SELECT EXISTS (SELECT 1 FROM clerk_users WHERE id = {clerkUserId}) AS is_cached,
                       (SELECT email FROM clerk_users WHERE id = {clerkUserId}) AS cached_email,
                       coalesce((SELECT updated_at FROM clerk_users WHERE id = {clerkUserId}), 'epoch'::timestamptz) AS updated_at,
                       tu.tenant_id, tu.role,
                       EXISTS (SELECT 1 FROM platform_operators WHERE clerk_user_id = {clerkUserId}) AS is_platform_operator
                FROM (SELECT 1) AS one LEFT JOIN tenant_users AS tu ON tu.clerk_user_id = {clerkUserId} AND tu.tenant_id = coalesce(
                    CAST({requestedTenant} AS varchar),
                    (SELECT min(tenant_id) FROM tenant_users WHERE clerk_user_id = {clerkUserId} HAVING count(*) = 1))
                """)
            .ToListAsync(cancellationToken)).Single();

    /// <summary>Every workspace a user belongs to, with their role there.</summary>
    public async Task<IReadOnlyList<Application.Me.Membership>> MembershipsAsync(string clerkUserId, CancellationToken cancellationToken) =>
        await db.TenantUsers.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(u => u.ClerkUserId == clerkUserId).OrderBy(u => u.TenantId)
            .Join(AllTenants, u => u.TenantId, t => t.Id, (u, t) => new Application.Me.Membership(t.Id, t.Name, u.Role))
            .ToListAsync(cancellationToken);

    /// <summary>The invitations waiting for an email, in every workspace (unanswered and not expired).</summary>
    public async Task<IReadOnlyList<Application.Me.Invitation>> InvitationsAsync(string email, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.TenantUsers.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(u => u.ClerkUserId == null && u.Email == TenantUser.NormalizeEmail(email) && u.InviteExpiresAt > now).OrderBy(u => u.InviteExpiresAt)
            .Join(AllTenants, u => u.TenantId, t => t.Id, (u, t) => new Application.Me.Invitation(u.Id, t.Id, t.Name, u.Role, u.InviteExpiresAt!.Value))
            .ToListAsync(cancellationToken);

    /// <summary>One pending invitation for an email (tracked, to accept or decline), wherever it was issued.</summary>
    public Task<TenantUser?> FindInvitationAsync(int id, string email, CancellationToken cancellationToken) =>
        db.TenantUsers.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .SingleOrDefaultAsync(u => u.Id == id && u.ClerkUserId == null && u.Email == TenantUser.NormalizeEmail(email), cancellationToken);

    /// <summary>Every tenant with its time zone, for per-tenant schedules.</summary>
    public async Task<IReadOnlyList<(string Id, string Timezone)>> ListAsync(CancellationToken cancellationToken) =>
        (await AllTenants.OrderBy(t => t.Id).Select(t => new { t.Id, t.Timezone }).ToListAsync(cancellationToken))
        .Select(t => (t.Id, t.Timezone)).ToList();

    /// <summary>The tenants a scheduled job's audience names, read for all tenants at once (null: every tenant).</summary>
    public async Task<IReadOnlySet<string>?> AudienceAsync(ScheduleAudience audience, CancellationToken cancellationToken) => audience switch
    {
        ScheduleAudience.EveryTenant => null,
        ScheduleAudience.SignalEngineOn => (await Every(db.ForexConfig)
            .Where(c => c.SettingKey == "enabled" && c.SettingValue == "true").Select(c => c.TenantId).ToListAsync(cancellationToken)).ToHashSet(),
        ScheduleAudience.OpenSignals => (await Every(db.ForexSignals)
            .Where(s => s.Status == SignalStatus.Active || s.Status == SignalStatus.Tp1Hit || s.Status == SignalStatus.Tp2Hit)
            .Select(s => s.TenantId).Distinct().ToListAsync(cancellationToken)).ToHashSet(),
        ScheduleAudience.AnySignals => (await Every(db.ForexSignals).Select(s => s.TenantId).Distinct().ToListAsync(cancellationToken)).ToHashSet(),
        ScheduleAudience.CrossPromoOn => (await Every(db.CrossPromoSettings).Where(s => s.Enabled).Select(s => s.TenantId).ToListAsync(cancellationToken)).ToHashSet(),
        ScheduleAudience.LiveCampaigns => (await Every(db.Campaigns)
            .Where(c => (c.Status == CampaignStatus.Draft && c.PublishedAt != null) || c.Status == CampaignStatus.Active)
            .Select(c => c.TenantId).Distinct().ToListAsync(cancellationToken)).ToHashSet(),
        ScheduleAudience.CouponRenders => (await Every(db.CouponRenders).Select(r => r.TenantId).Distinct().ToListAsync(cancellationToken)).ToHashSet(),
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "Unknown audience."),
    };

    public Task<bool> IsSlugTakenAsync(string slug, CancellationToken cancellationToken) =>
        AllTenants.AnyAsync(t => t.Id == slug, cancellationToken);

    public async Task<IReadOnlyList<TenantDto>> ListAllAsync(CancellationToken cancellationToken) =>
        await AllTenants.OrderBy(t => t.Id).Select(TenantDto.Projection).ToListAsync(cancellationToken);

    /// <summary>
    /// Every tenant's health in seven queries whatever the number of tenants: the tenants, their bots, and one grouped
    /// query each for failed messages, the outbox, the inbox, active subscriptions and saved Stripe keys.
    /// </summary>
    public async Task<IReadOnlyList<TenantHealthDto>> HealthAsync(DateTimeOffset now, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var tenants = await AllTenants.OrderBy(t => t.Id).Select(t => new { t.Id, t.Name, t.Timezone, t.CreatedAt }).ToListAsync(cancellationToken);
        var bots = (await Every(db.BotConnections).OrderBy(c => c.BotRole).Select(c => new { c.TenantId, c.BotRole, c.BotUsername, c.IsSandbox })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.TenantId, c => new BotHealthDto(c.BotRole, c.BotUsername, c.IsSandbox));
        var skipped = Every(db.BroadcastDeliveries).Where(d => d.Status == DeliveryStatus.Skipped);
        var failed = await Every(db.TelegramOutbox)
            .Where(m => (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Unknown) && m.NextAttemptAt >= since
                && (m.LastError == null || !m.LastError.Contains("blocked by the user"))
                && !skipped.Any(d => d.OutboxId == m.Id))
            .GroupBy(m => m.TenantId)
            .Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TenantId, g => g.Count, cancellationToken);
        var outbox = await Every(db.TelegramOutbox)
            .GroupBy(m => m.TenantId)
            .Select(g => new
            {
                TenantId = g.Key,
                OldestDue = g.Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now).Min(m => (DateTimeOffset?)m.NextAttemptAt),
                Latest = g.Max(m => (DateTimeOffset?)m.CreatedAt),
            })
            .ToDictionaryAsync(g => g.TenantId, cancellationToken);
        var inbox = await Every(db.TelegramUpdates)
            .GroupBy(u => u.TenantId)
            .Select(g => new
            {
                TenantId = g.Key,
                Failed = g.Count(u => u.Status == InboxStatus.Failed && u.NextAttemptAt >= since),
                Latest = g.Max(u => (DateTimeOffset?)u.ReceivedAt),
            })
            .ToDictionaryAsync(g => g.TenantId, cancellationToken);
        var active = await Every(db.TelegramSubscriptions)
            .Where(s => s.Status == SubscriptionStatus.Active && !s.IsDemo)
            .GroupBy(s => s.TenantId)
            .Select(g => new { TenantId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.TenantId, g => g.Count, cancellationToken);
        var stripe = (await Every(db.StripeSettings).Where(s => s.SecretKey != null).Select(s => s.TenantId).ToListAsync(cancellationToken)).ToHashSet();

        return [.. tenants.Select(t =>
        {
            var sent = outbox.GetValueOrDefault(t.Id);
            var received = inbox.GetValueOrDefault(t.Id);
            return new TenantHealthDto(
                t.Id, t.Name, t.Timezone, t.CreatedAt, [.. bots[t.Id]], failed.GetValueOrDefault(t.Id), received?.Failed ?? 0,
                sent?.OldestDue is { } due ? (long)(now - due).TotalSeconds : null, active.GetValueOrDefault(t.Id), stripe.Contains(t.Id),
                new[] { sent?.Latest, received?.Latest }.Max());
        })];
    }

    public async Task<IReadOnlyList<string>> SiteOriginsAsync(string tenantId, CancellationToken cancellationToken) =>
        await AllTenants.Where(t => t.Id == tenantId).Select(t => t.SiteOrigins).FirstOrDefaultAsync(cancellationToken) ?? [];

    public Task<bool> IsConnectedToAnotherTenantAsync(long botTelegramId, CancellationToken cancellationToken) =>
        db.BotConnections.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AnyAsync(c => c.BotTelegramId == botTelegramId && c.TenantId != tenantContext.RequiredTenantId, cancellationToken);

    /// <summary>
    /// The bot a webhook URL names (one bot may serve both roles of its tenant, under one public id). Sandbox bots
    /// have no webhook.
    /// </summary>
    public async Task<WebhookTarget?> FindAsync(Guid publicId, CancellationToken cancellationToken) =>
        await db.BotConnections.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(c => c.PublicId == publicId && !c.IsSandbox)
            .Select(c => new WebhookTarget(c.TenantId, c.BotTelegramId, c.WebhookSecret))
            .FirstOrDefaultAsync(cancellationToken);

    private static IQueryable<T> Every<T>(DbSet<T> rows) where T : class => rows.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking();

    private IQueryable<Tenant> AllTenants => db.Tenants.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking();
}
