using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Coupons;

/// <summary>Every hour per tenant.</summary>
internal sealed class CouponRendersPurgeJob(ISender sender) : IScheduledJob
{
    public string Name => "coupon-renders-purge";

    public bool PerTenant => true;

    /// <summary>Only a tenant with renders kept has any to purge.</summary>
    public ScheduleAudience Audience => ScheduleAudience.CouponRenders;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromHours(1), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new PurgeCouponRenders(), cancellationToken);
}
