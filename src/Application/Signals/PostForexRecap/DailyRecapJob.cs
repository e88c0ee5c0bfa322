using System.Globalization;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Signals;

/// <summary>Daily, at <c>recap_hour</c> in the tenant's zone: the day's recap (a day missed while down is still posted).</summary>
internal sealed class DailyRecapJob(ISender sender, IAppDbContext db) : IScheduledJob
{
    public string Name => "forex-recap-daily";

    public bool PerTenant => true;

    /// <summary>A tenant that has never had a signal has nothing to sum up.</summary>
    public ScheduleAudience Audience => ScheduleAudience.AnySignals;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.DailyAt(new TimeOnly(RecapHour(), 0), now, zone);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) =>
        await sender.Send(new PostForexRecap(RecapPeriod.Daily, DateOnly.ParseExact(slot, "yyyy-MM-dd", CultureInfo.InvariantCulture)), cancellationToken);

    private int RecapHour() => ForexConfigStore.Settings(db).Integer("recap_hour");
}
