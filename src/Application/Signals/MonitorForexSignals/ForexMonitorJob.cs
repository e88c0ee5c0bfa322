using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Signals;

/// <summary>Every minute, per tenant: move open signals on by the candles that closed since.</summary>
internal sealed class ForexMonitorJob(ISender sender) : IScheduledJob
{
    public string Name => "forex-monitor";

    public bool PerTenant => true;

    /// <summary>Only tenants with an open signal have anything to move on.</summary>
    public ScheduleAudience Audience => ScheduleAudience.OpenSignals;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(1), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new MonitorForexSignals(), cancellationToken);
}
