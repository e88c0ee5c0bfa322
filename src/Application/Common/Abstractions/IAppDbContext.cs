using Microsoft.EntityFrameworkCore;
using PromoStack.Domain.Audit;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Connections;
using PromoStack.Domain.Coupons;
using PromoStack.Domain.CrossPromo;
using PromoStack.Domain.Import;
using PromoStack.Domain.Journeys;
using PromoStack.Domain.Signals;
using PromoStack.Domain.Stripe;
using PromoStack.Domain.Subscriptions;
using PromoStack.Domain.Telegram;
using PromoStack.Domain.Tenants;

namespace PromoStack.Application.Common.Abstractions;

/// <summary>
/// The database as use cases see it. Every tenant-owned set, and <see cref="Tenants"/> itself, is already scoped to
/// the current tenant; a save of a row of another tenant is refused. Domain events raised by saved entities are
/// stored in the same transaction. Questions across tenants go through <see cref="PromoStack.Application.Tenants.ITenantRegistry"/>.
/// </summary>
public interface IAppDbContext
{
    DbSet<Tenant> Tenants { get; }
    DbSet<TenantUser> TenantUsers { get; }
    DbSet<PlatformOperator> PlatformOperators { get; }
    DbSet<TenantBotConnection> BotConnections { get; }
    DbSet<BotUser> BotUsers { get; }
    DbSet<BotConfig> BotConfig { get; }
    DbSet<TelegramOutboxMessage> TelegramOutbox { get; }
    DbSet<TelegramUpdate> TelegramUpdates { get; }
    DbSet<ChannelMembership> ChannelMemberships { get; }
    DbSet<ForexSignal> ForexSignals { get; }
    DbSet<ForexConfig> ForexConfig { get; }
    DbSet<ForexCheckState> ForexCheckStates { get; }
    DbSet<TelegramSubscription> TelegramSubscriptions { get; }
    DbSet<Journey> Journeys { get; }
    DbSet<JourneyTrigger> JourneyTriggers { get; }
    DbSet<JourneyStep> JourneySteps { get; }
    DbSet<JourneyUserSession> JourneyUserSessions { get; }
    DbSet<JourneyScheduledMessage> JourneyScheduledMessages { get; }
    DbSet<JourneySkip> JourneySkips { get; }
    DbSet<TenantCrossPromoSettings> CrossPromoSettings { get; }
    DbSet<CrossPromoJob> CrossPromoJobs { get; }
    DbSet<TenantStripeSettings> StripeSettings { get; }
    DbSet<TenantStripeProduct> StripeProducts { get; }
    DbSet<TenantStripePrice> StripePrices { get; }
    DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents { get; }
    DbSet<Campaign> Campaigns { get; }
    DbSet<CampaignEntry> CampaignEntries { get; }
    DbSet<BroadcastJob> BroadcastJobs { get; }
    DbSet<BroadcastDelivery> BroadcastDeliveries { get; }
    DbSet<BotUsage> BotUsage { get; }
    DbSet<CouponTemplate> CouponTemplates { get; }
    DbSet<CouponSettings> CouponSettings { get; }
    DbSet<CouponCodeListEntry> CouponCodes { get; }
    DbSet<CouponCodeCheck> CouponCodeChecks { get; }
    DbSet<CouponRender> CouponRenders { get; }
    DbSet<TenantImport> TenantImports { get; }
    DbSet<ImportedRow> ImportedRows { get; }
    DbSet<QuarantinedRow> QuarantinedRows { get; }

    /// <summary>Written by the audit behavior only; a tenant reads its own entries.</summary>
    DbSet<AuditEntry> AuditLog { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds an entity of any set (for work that makes rows of many kinds, such as an import).</summary>
    Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry<TEntity> Add<TEntity>(TEntity entity)
        where TEntity : class;

    /// <summary>Lets go of every tracked row (after a saved batch of a long import, so memory stays flat).</summary>
    void ClearTracked();

    /// <summary>
    /// Locks the current tenant's row until the transaction ends, serializing changes that check a rule across
    /// several rows (e.g. "a tenant keeps one admin") against concurrent requests of the same tenant.
    /// </summary>
    Task LockCurrentTenantAsync(CancellationToken cancellationToken);
}
