using System.Globalization;
using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Signals;

/// <summary>Weekly, on <c>weekly_recap_day</c> at <c>recap_hour</c>: the 7 days ending that day.</summary>
internal sealed class WeeklyRecapJob(ISender sender, IAppDbContext db) : IScheduledJob
{
    public string Name => "forex-recap-weekly";

    public bool PerTenant => true;

    /// <summary>A tenant that has never had a signal has nothing to sum up.</summary>
    public ScheduleAudience Audience => ScheduleAudience.AnySignals;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone)
    {
        var settings = ForexConfigStore.Settings(db);
        return Slots.DailyAt(new TimeOnly(settings.Integer("recap_hour"), 0), now, zone, new HashSet<DayOfWeek> { settings.WeeklyRecapDay });
    }

    public async Task RunAsync(string slot, CancellationToken cancellationToken) =>
        await sender.Send(new PostForexRecap(RecapPeriod.Weekly, DateOnly.ParseExact(slot, "yyyy-MM-dd", CultureInfo.InvariantCulture)), cancellationToken);
}
