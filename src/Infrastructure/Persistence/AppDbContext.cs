using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Domain.Audit;
using PromoStack.Domain.Broadcasts;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Common;
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
using PromoStack.Infrastructure.Events;
using PromoStack.Infrastructure.Jobs;
using PromoStack.Infrastructure.Schedules;

namespace PromoStack.Infrastructure.Persistence;

public sealed class AppDbContext(
    DbContextOptions<AppDbContext> options, ITenantContext tenantContext, DomainEventOutbox eventOutbox, CommitSignals commitSignals)
    : DbContext(options), IAppDbContext, IDataProtectionKeyContext
{
    /// <summary>The name of the query filter that scopes every tenant-owned set to the current tenant.</summary>
    public const string TenantFilter = "Tenant";

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantUser> TenantUsers => Set<TenantUser>();
    public DbSet<ClerkUser> ClerkUsers => Set<ClerkUser>();
    public DbSet<PlatformOperator> PlatformOperators => Set<PlatformOperator>();
    public DbSet<TenantBotConnection> BotConnections => Set<TenantBotConnection>();
    public DbSet<BotUser> BotUsers => Set<BotUser>();
    public DbSet<BotConfig> BotConfig => Set<BotConfig>();
    public DbSet<TelegramOutboxMessage> TelegramOutbox => Set<TelegramOutboxMessage>();
    public DbSet<TelegramUpdate> TelegramUpdates => Set<TelegramUpdate>();
    public DbSet<ChannelMembership> ChannelMemberships => Set<ChannelMembership>();
    public DbSet<ForexSignal> ForexSignals => Set<ForexSignal>();
    public DbSet<ForexConfig> ForexConfig => Set<ForexConfig>();
    public DbSet<ForexCheckState> ForexCheckStates => Set<ForexCheckState>();
    public DbSet<TelegramSubscription> TelegramSubscriptions => Set<TelegramSubscription>();
    public DbSet<Journey> Journeys => Set<Journey>();
    public DbSet<JourneyTrigger> JourneyTriggers => Set<JourneyTrigger>();
    public DbSet<JourneyStep> JourneySteps => Set<JourneyStep>();
    public DbSet<JourneyUserSession> JourneyUserSessions => Set<JourneyUserSession>();
    public DbSet<JourneyScheduledMessage> JourneyScheduledMessages => Set<JourneyScheduledMessage>();
    public DbSet<JourneySkip> JourneySkips => Set<JourneySkip>();
    public DbSet<TenantCrossPromoSettings> CrossPromoSettings => Set<TenantCrossPromoSettings>();
    public DbSet<CrossPromoJob> CrossPromoJobs => Set<CrossPromoJob>();
    public DbSet<TenantStripeSettings> StripeSettings => Set<TenantStripeSettings>();
    public DbSet<TenantStripeProduct> StripeProducts => Set<TenantStripeProduct>();
    public DbSet<TenantStripePrice> StripePrices => Set<TenantStripePrice>();
    public DbSet<ProcessedWebhookEvent> ProcessedWebhookEvents => Set<ProcessedWebhookEvent>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignEntry> CampaignEntries => Set<CampaignEntry>();
    public DbSet<BroadcastJob> BroadcastJobs => Set<BroadcastJob>();
    public DbSet<BroadcastDelivery> BroadcastDeliveries => Set<BroadcastDelivery>();
    public DbSet<BotUsage> BotUsage => Set<BotUsage>();
    public DbSet<CouponTemplate> CouponTemplates => Set<CouponTemplate>();
    public DbSet<CouponSettings> CouponSettings => Set<CouponSettings>();
    public DbSet<CouponCodeListEntry> CouponCodes => Set<CouponCodeListEntry>();
    public DbSet<CouponCodeCheck> CouponCodeChecks => Set<CouponCodeCheck>();
    public DbSet<CouponRender> CouponRenders => Set<CouponRender>();
    public DbSet<TenantImport> TenantImports => Set<TenantImport>();
    public DbSet<ImportedRow> ImportedRows => Set<ImportedRow>();
    public DbSet<QuarantinedRow> QuarantinedRows => Set<QuarantinedRow>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<CouponImageBlob> CouponImages => Set<CouponImageBlob>();
    public DbSet<DomainEventRecord> DomainEvents => Set<DomainEventRecord>();
    public DbSet<DomainEventHandling> DomainEventHandlings => Set<DomainEventHandling>();
    public DbSet<ScheduleSlot> ScheduleSlots => Set<ScheduleSlot>();
    public DbSet<PromoStack.Infrastructure.Telegram.BotSenderLease> BotSenderLeases => Set<PromoStack.Infrastructure.Telegram.BotSenderLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Read by the tenant query filter at query time (EF parameterizes a member of the context).</summary>
    private string? CurrentTenantId => tenantContext.TenantId;

    /// <summary>The tenant named to PostgreSQL when a connection opens (<see cref="TenantSessionInterceptor"/>).</summary>
    internal string? SessionTenantId => tenantContext.TenantId;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("btree_gist");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) && !typeof(ITenantOrPlatformOwned).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            // For a row that may be the platform's (a null tenant), EF compares nulls as C# does: a unit of work
            // without a tenant sees the platform's rows, one with a tenant its own only.
            var parameter = Expression.Parameter(entityType.ClrType, "e");
            var body = Expression.Equal(
                Expression.Property(parameter, nameof(ITenantOwned.TenantId)),
                Expression.Property(Expression.Constant(this), nameof(CurrentTenantId)));
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(TenantFilter, Expression.Lambda(body, parameter));
        }

        // A tenant sees its own row only; onboarding and the platform's list go through TenantDirectory.
        modelBuilder.Entity<Tenant>().HasQueryFilter(TenantFilter, t => t.Id == CurrentTenantId);
    }

    public void ClearTracked() => ChangeTracker.Clear();

    public async Task LockCurrentTenantAsync(CancellationToken cancellationToken)
    {
        if (Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A row lock only lasts within a transaction; lock inside a command.");
        }

        var tenantId = tenantContext.RequiredTenantId;
        await Database.ExecuteSqlAsync($"SELECT 1 FROM tenants WHERE id = {tenantId} FOR UPDATE", cancellationToken);
    }

    /// <summary>Synchronous saves exist for framework stores (the Data Protection key ring); they cannot carry events.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        EnsureTenantOwnership();
        if (ChangeTracker.Entries<AggregateRoot>().Any(e => e.Entity.HasPendingEvents))
        {
            throw new NotSupportedException("Use SaveChangesAsync to save entities that raised domain events.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await SaveWithEventsAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateException exception) when (exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ExclusionViolation })
        {
            // Two requests raced to create the same thing; the loser gets a 409, not a 500.
            throw new ConflictException("This conflicts with an existing record, perhaps one another request has just created.");
        }
        catch (DbUpdateConcurrencyException)
        {
            // Two requests raced to change the same row (one with a row version); the loser gets a 409 and may retry.
            throw new ConflictException("This record was changed by another request meanwhile; try again.");
        }
    }

    /// <remarks>
    /// Events of entities that already exist are saved with the change. When a new entity raised events, the change is
    /// saved first (so new rows get their identity values), then the events, in one transaction. If the second save fails, the transaction rolls back while the first save's
    /// entities are already marked saved: as after any failed save in a transaction, discard this context (its unit
    /// of work has failed).
    /// </remarks>
    private async Task<int> SaveWithEventsAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        EnsureTenantOwnership();
        var raising = ChangeTracker.Entries<AggregateRoot>().Where(e => e.Entity.HasPendingEvents).ToList();
        var raisers = raising.ConvertAll(e => e.Entity);
        if (raisers.Count > 0 && raising.TrueForAll(e => e.State != EntityState.Added))
        {
            // Every raiser already has its identity: the events go in the same save (one round trip, one statement batch).
            DomainEvents.AddRange(eventOutbox.Record(raisers.SelectMany(r => r.DequeueEvents())));
        }

        if (!raisers.Exists(r => r.HasPendingEvents))
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (Database.CurrentTransaction is null)
            {
                commitSignals.Committed();
            }

            return saved;
        }

        // Events are evaluated after the first save, when new rows have their identity values, and stored in a
        // second save of the same transaction: either both commit or neither does.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var records = eventOutbox.Record(raisers.SelectMany(r => r.DequeueEvents()));
            DomainEvents.AddRange(records);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
                commitSignals.Committed();
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>A row is saved only under the tenant of the current unit of work; anything else is a bug.</summary>
    private void EnsureTenantOwnership()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || entry.Entity is not (ITenantOwned or ITenantOrPlatformOwned or Tenant))
            {
                continue;
            }

            // The platform's own row (a platform-wide action's audit entry) is no tenant's: no tenant can read it.
            if (entry.Entity is ITenantOrPlatformOwned { TenantId: null })
            {
                continue;
            }

            // A tenant's own row counts as owned by it: only the current tenant can create or change itself.
            var owner = entry.Entity switch
            {
                ITenantOwned owned => owned.TenantId,
                ITenantOrPlatformOwned owned => owned.TenantId,
                _ => ((Tenant)entry.Entity).Id,
            };

            if (string.IsNullOrEmpty(owner) || owner != tenantContext.TenantId)
            {
                throw new TenantIsolationException(entry.Metadata.ClrType.Name, owner, tenantContext.TenantId);
            }
        }
    }
}

/// <summary>A save that would write a row of a tenant other than the current one.</summary>
public sealed class TenantIsolationException(string entity, string? rowTenant, string? currentTenant)
    : InvalidOperationException($"Refused to save {entity} of tenant '{rowTenant ?? "(none)"}' in a unit of work of tenant '{currentTenant ?? "(none)"}'.");
