using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Signals;

/// <summary>
/// Every minute, per tenant: look for a signal. The check itself acts once per newly closed candle (15min or 1h),
/// and runs only for tenants whose engine is on; a failing provider is recorded and tried again on the next tick.
/// </summary>
internal sealed class ForexCheckJob(ISender sender) : IScheduledJob
{
    public string Name => "forex-check";

    public bool PerTenant => true;

    /// <summary>A tenant whose engine is off has nothing to check; switching it on makes the next tick check.</summary>
    public ScheduleAudience Audience => ScheduleAudience.SignalEngineOn;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(1), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new RunForexCheck(), cancellationToken);
}
