using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PromoStack.Domain.Signals;

namespace PromoStack.Infrastructure.Persistence.Configurations.Signals;

internal sealed class ForexSignalConfiguration : IEntityTypeConfiguration<ForexSignal>
{
    public void Configure(EntityTypeBuilder<ForexSignal> builder)
    {
        builder.ToTable("forex_signals");
        builder.HasKey(s => s.Id);
        builder.OwnedByTenant();
        builder.Property(s => s.Direction).StoredAsUpper();
        builder.Property(s => s.Timeframe).HasMaxLength(16).IsRequired();
        builder.Property(s => s.EntryPrice).IsPrice();
        builder.Property(s => s.StopLoss).IsPrice();
        builder.Property(s => s.TakeProfit1).HasColumnName("take_profit_1").IsPrice();
        builder.Property(s => s.TakeProfit2).HasColumnName("take_profit_2").IsPrice();
        builder.Property(s => s.TakeProfit3).HasColumnName("take_profit_3").IsPrice();
        builder.Property(s => s.Status).StoredAsUpper();
        builder.Property(s => s.IndicatorsUsed).IsJson().IsRequired();
        builder.Property(s => s.Symbol).HasMaxLength(16).IsRequired();
        builder.Property(s => s.Strategy).HasMaxLength(40).IsRequired();
        builder.Property(s => s.Source).StoredAsLower();
        builder.Property(s => s.CurrentStop).IsPrice();
        builder.Property(s => s.Partials).HasMaxLength(11).IsRequired();
        builder.Property(s => s.TrailToTp1AfterTp2).HasColumnName("trail_to_tp1_after_tp2");
        builder.Property(s => s.ExitPrice).IsPrice();
        builder.Property(s => s.ResultPips).HasPrecision(18, 2);
        builder.Property(s => s.OriginalResultPips).HasPrecision(18, 2);
        builder.Property(s => s.ResultR).HasColumnName("result_r").HasPrecision(18, 4);
        builder.Property(s => s.CloseReason).HasConversion(EnumNames<SignalCloseReason>.LowerConverter()).HasMaxLength(ModelConventions.StatusLength);
        builder.HasIndex(s => new { s.TenantId, s.Symbol, s.Status });
        builder.HasOne<PromoStack.Domain.Telegram.TelegramOutboxMessage>().WithMany().HasForeignKey(s => s.TelegramPostOutboxId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(s => new { s.TenantId, s.Status, s.CreatedAt });
    }
}
