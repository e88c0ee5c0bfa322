using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Subscriptions;

/// <summary>Every 15 minutes, per tenant.</summary>
internal sealed class SubscriptionSweepJob(ISender sender) : IScheduledJob
{
    public string Name => "subscription-sweep";

    public bool PerTenant => true;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(15), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new SweepSubscriptions(), cancellationToken);
}
