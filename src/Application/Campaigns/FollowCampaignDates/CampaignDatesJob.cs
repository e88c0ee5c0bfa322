using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Scheduling;

namespace PromoStack.Application.Campaigns;

/// <summary>Every 15 minutes per tenant (so a campaign starts and ends within minutes of local midnight, and catches up after downtime).</summary>
internal sealed class CampaignDatesJob(ISender sender) : IScheduledJob
{
    public string Name => "campaign-dates";

    public bool PerTenant => true;

    /// <summary>Only a published campaign not yet started, or a running one, moves on by date.</summary>
    public ScheduleAudience Audience => ScheduleAudience.LiveCampaigns;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(15), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new FollowCampaignDates(), cancellationToken);
}
