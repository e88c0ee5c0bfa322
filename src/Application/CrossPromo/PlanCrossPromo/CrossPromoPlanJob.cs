using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.CrossPromo;

/// <summary>Every 5 minutes per tenant: plan what is due (posts are at most 5 minutes late; a restart catches up).</summary>
internal sealed class CrossPromoPlanJob(ISender sender) : IScheduledJob
{
    public string Name => "crosspromo-plan";

    public bool PerTenant => true;

    /// <summary>Planning does nothing while cross-promotion is off.</summary>
    public ScheduleAudience Audience => ScheduleAudience.CrossPromoOn;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(5), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new PlanCrossPromo(), cancellationToken);
}
