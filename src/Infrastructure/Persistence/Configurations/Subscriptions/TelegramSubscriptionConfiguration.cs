using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Subscriptions;

namespace PromoStack.Infrastructure.Persistence.Configurations.Subscriptions;

internal sealed class TelegramSubscriptionConfiguration : IEntityTypeConfiguration<TelegramSubscription>
{
    public void Configure(EntityTypeBuilder<TelegramSubscription> builder)
    {
        builder.ToTable("telegram_subscriptions");
        builder.HasKey(s => s.Id);
        builder.OwnedByTenant();
        builder.Property(s => s.IsDemo).HasDefaultValue(false);
        builder.Property(s => s.Email).HasMaxLength(320);
        builder.Property(s => s.PayerEmail).HasMaxLength(320);
        builder.Property(s => s.StripeCheckoutSessionId).HasMaxLength(255);
        builder.Property(s => s.StripePaymentIntentId).HasMaxLength(255);
        builder.Property(s => s.PaymentFailureReason).HasMaxLength(500);
        builder.Property(s => s.StripeCustomerId).HasMaxLength(255);
        builder.Property(s => s.StripeSubscriptionId).HasMaxLength(255);
        builder.Property(s => s.PlanType).StoredAsLower();
        builder.Property(s => s.TelegramUsername).HasMaxLength(64);
        builder.Property(s => s.Status).StoredAsLower();
        builder.Property(s => s.CancelReason).HasConversion(
            v => v.HasValue ? EnumNames<CancellationReason>.Lower(v.Value) : null,
            s => s == null ? null : EnumNames<CancellationReason>.Parse(s)).HasMaxLength(ModelConventions.StatusLength);
        builder.HasIndex(s => new { s.TenantId, s.Email }).IsUnique();
        builder.Property(s => s.LinkTokenHash).HasMaxLength(64);
        builder.HasIndex(s => s.LinkTokenHash).IsUnique().HasFilter("link_token_hash IS NOT NULL");
        builder.HasIndex(s => new { s.TenantId, s.StripeSubscriptionId }).IsUnique().HasFilter("stripe_subscription_id IS NOT NULL");
        builder.HasIndex(s => new { s.TenantId, s.StripePaymentIntentId }).HasFilter("stripe_payment_intent_id IS NOT NULL");
        builder.HasIndex(s => new { s.TenantId, s.StripeCustomerId }).HasFilter("stripe_customer_id IS NOT NULL");
        builder.HasIndex(s => new { s.TenantId, s.TelegramUserId });
        builder.HasIndex(s => new { s.TenantId, s.Status });

        // Two Stripe events for one subscription (or an event and an admin's revoke) may race: each checks the time
        // of the last event applied, so the second save must fail rather than overwrite the first (409; Stripe retries).
        builder.Property<uint>("xmin").IsRowVersion();
    }
}
