using System.Text.Json;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Signals;
using PromoStack.Domain.Campaigns;
using PromoStack.Domain.Common;

namespace PromoStack.Application.Campaigns;

internal sealed class CampaignQueries(IAppDbContext db, Common.Security.PersonalData personal)
{
    public async Task<Campaign> TrackedAsync(int id, CancellationToken cancellationToken) =>
        await db.Campaigns.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) ?? throw new NotFoundException("Campaign", id);

    public async Task<CampaignDto> DtoAsync(Campaign c, CancellationToken cancellationToken) => (await DtosAsync([c], cancellationToken))[0];

    /// <summary>The campaigns with their entry counts and winners, in two queries whatever their number.</summary>
    public async Task<IReadOnlyList<CampaignDto>> DtosAsync(IReadOnlyList<Campaign> campaigns, CancellationToken cancellationToken)
    {
        var ids = campaigns.Select(c => c.Id).ToList();
        var entries = await db.CampaignEntries.Where(e => ids.Contains(e.CampaignId)).GroupBy(e => e.CampaignId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var winnerIds = campaigns.Where(c => c.WinnerEntryId is not null).Select(c => c.WinnerEntryId!.Value).ToList();
        var winners = winnerIds.Count == 0
            ? []
            : await db.CampaignEntries.AsNoTracking().Where(e => winnerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        return
        [
            .. campaigns.Select(c => new CampaignDto(
                c.Id, c.Title, c.Description, c.StartDate, c.EndDate, c.Prize, c.Status, c.PublishedAt is not null, entries.GetValueOrDefault(c.Id),
                c.WinnerEntryId is { } w && winners.TryGetValue(w, out var winner) ? WinnerDto(winner) : null, c.DrawnAt, c.CreatedAt, c.UpdatedAt, c.IsDemo)),
        ];
    }

    /// <summary>The winner as the current user may see them: in full for an admin, masked for a member.</summary>
    private CampaignEntryDto WinnerDto(CampaignEntry e) => personal.InFull
        ? Dto(e)
        : new(e.Id, personal.Email(e.Email)!, personal.Name(e.TelegramUsername), [], e.Disqualified, e.CreatedAt);

    public static CampaignEntryDto Dto(CampaignEntry e) =>
        new(e.Id, e.Email, e.TelegramUsername, JsonSerializer.Deserialize<List<string>>(e.SocialLinks) ?? [], e.Disqualified, e.CreatedAt);

    public async Task<DateOnly> TodayAsync(TimeProvider clock, CancellationToken cancellationToken) =>
        ZonedTime.Today(clock.GetUtcNow(), await ForexConfigStore.TenantZoneAsync(db, cancellationToken));
}
