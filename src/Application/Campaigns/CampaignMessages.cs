using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Application.Common.Scheduling;
using PromoStack.Application.Forex;
using PromoStack.Domain.Common;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

public sealed record CampaignDto(
    int Id, string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize, CampaignStatus Status, bool Published,
    int Entries, CampaignEntryDto? Winner, DateTimeOffset? DrawnAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record CampaignEntryDto(int Id, string Email, string? TelegramUsername, IReadOnlyList<string> SocialLinks, bool Disqualified, DateTimeOffset CreatedAt);

public sealed record CampaignEntryPage(IReadOnlyList<CampaignEntryDto> Items, int Total, int Page, int PageSize);

public sealed record ListCampaigns(CampaignStatus? Status) : ITenantQuery<IReadOnlyList<CampaignDto>>;

public sealed record GetCampaign(int Id) : ITenantQuery<CampaignDto>;

public sealed record CreateCampaign(string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize) : ITenantCommand<CampaignDto>;

public sealed record UpdateCampaign(int Id, string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize) : ITenantCommand<CampaignDto>;

/// <summary>Deletes a campaign that never went live (a draft); one that ran is kept for its record (409).</summary>
public sealed record DeleteCampaign(int Id) : ITenantCommand<Unit>;

/// <summary>Active at once when its dates have come (the tenant's today), else on its start date.</summary>
public sealed record PublishCampaign(int Id) : ITenantCommand<CampaignDto>;

public sealed record EndCampaign(int Id) : ITenantCommand<CampaignDto>;

/// <summary>Picks a winner uniformly at random (a cryptographic draw) among the entries not disqualified, and records it.</summary>
public sealed record DrawCampaignWinner(int Id) : ITenantCommand<CampaignDto>;

public sealed record ListCampaignEntries(int Id, int Page = 1, int PageSize = 50) : ITenantQuery<CampaignEntryPage>;

public sealed record ExportCampaignEntries(int Id) : ITenantQuery<string>;

public sealed record DisqualifyCampaignEntry(int Id, int EntryId) : ITenantCommand<CampaignEntryDto>;

/// <summary>
/// A public entry (no sign-in): one per email per campaign, only while the campaign is active. A repeat gets the same
/// receipt as a first entry and changes nothing (the first entry stands), so the endpoint tells no one who entered.
/// </summary>
public sealed record EnterCampaign(string TenantId, int CampaignId, string Email, string? TelegramUsername, IReadOnlyList<string>? SocialLinks)
    : ICommand<CampaignEntryReceipt>, ITenantAgnostic;

/// <summary>What the public entry answers, the same for a first entry and a repeat.</summary>
public sealed record CampaignEntryReceipt(int CampaignId, string Message);

/// <summary>The daily move of the tenant's campaigns by their dates (in the tenant's zone).</summary>
public sealed record FollowCampaignDates : ITenantCommand<int>;

internal abstract class CampaignFieldsValidator<T> : AbstractValidator<T>
{
    protected void Fields(Func<T, string> title, Func<T, string?> description, Func<T, DateOnly> start, Func<T, DateOnly> end, Func<T, string?> prize)
    {
        RuleFor(c => title(c)).NotEmpty().MaximumLength(200).OverridePropertyName("title");
        RuleFor(c => description(c)).MaximumLength(4000).OverridePropertyName("description");
        RuleFor(c => prize(c)).MaximumLength(500).OverridePropertyName("prize");
        RuleFor(c => start(c)).NotEqual(default(DateOnly)).OverridePropertyName("startDate");
        RuleFor(c => end(c)).GreaterThanOrEqualTo(c => start(c)).OverridePropertyName("endDate").WithMessage("The end date must be on or after the start date.");
    }
}

internal sealed class CreateCampaignValidator : CampaignFieldsValidator<CreateCampaign>
{
    public CreateCampaignValidator() => Fields(c => c.Title, c => c.Description, c => c.StartDate, c => c.EndDate, c => c.Prize);
}

internal sealed class UpdateCampaignValidator : CampaignFieldsValidator<UpdateCampaign>
{
    public UpdateCampaignValidator() => Fields(c => c.Title, c => c.Description, c => c.StartDate, c => c.EndDate, c => c.Prize);
}

internal sealed class EnterCampaignValidator : AbstractValidator<EnterCampaign>
{
    public EnterCampaignValidator()
    {
        RuleFor(c => c.Email).NotEmpty().MaximumLength(320).EmailAddress();
        RuleFor(c => c.TelegramUsername).Matches("^@?[A-Za-z0-9_]{5,32}$").When(c => c.TelegramUsername is not null)
            .WithMessage("A Telegram username is 5 to 32 of A-Z, a-z, 0-9 and _.");
        RuleFor(c => c.SocialLinks).Must(l => l is null || l.Count <= 5).WithMessage("At most 5 links.");
        RuleForEach(c => c.SocialLinks).Must(link => Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && link.Length <= 500)
            .WithMessage("A link is an absolute http(s) URL of at most 500 characters.");
    }
}

internal sealed class ListCampaignEntriesValidator : AbstractValidator<ListCampaignEntries>
{
    public ListCampaignEntriesValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}

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
                c.WinnerEntryId is { } w && winners.TryGetValue(w, out var winner) ? WinnerDto(winner) : null, c.DrawnAt, c.CreatedAt, c.UpdatedAt)),
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

internal sealed class ListCampaignsHandler(IAppDbContext db, CampaignQueries campaigns) : IQueryHandler<ListCampaigns, IReadOnlyList<CampaignDto>>
{
    public async ValueTask<IReadOnlyList<CampaignDto>> Handle(ListCampaigns query, CancellationToken cancellationToken)
    {
        var rows = db.Campaigns.AsNoTracking();
        if (query.Status is { } status)
        {
            rows = rows.Where(c => c.Status == status);
        }

        return await campaigns.DtosAsync(
            await rows.OrderByDescending(c => c.StartDate).ThenByDescending(c => c.Id).Take(500).ToListAsync(cancellationToken), cancellationToken);
    }
}

internal sealed class GetCampaignHandler(CampaignQueries campaigns) : IQueryHandler<GetCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(GetCampaign query, CancellationToken cancellationToken) =>
        await campaigns.DtoAsync(await campaigns.TrackedAsync(query.Id, cancellationToken), cancellationToken);
}

internal sealed class CreateCampaignHandler(IAppDbContext db, ITenantContext tenant, CampaignQueries campaigns, TimeProvider clock)
    : ICommandHandler<CreateCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(CreateCampaign command, CancellationToken cancellationToken)
    {
        var campaign = Campaign.Draft(tenant.RequiredTenantId, command.Title, command.Description, command.StartDate, command.EndDate, command.Prize, clock.GetUtcNow());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}

internal sealed class UpdateCampaignHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<UpdateCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(UpdateCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        campaign.Edit(command.Title, command.Description, command.StartDate, command.EndDate, command.Prize, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}

internal sealed class DeleteCampaignHandler(IAppDbContext db, CampaignQueries campaigns) : ICommandHandler<DeleteCampaign, Unit>
{
    public async ValueTask<Unit> Handle(DeleteCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        if (campaign.Status != CampaignStatus.Draft)
        {
            throw new ConflictException("A campaign that has run is kept for its record: only drafts can be deleted.");
        }

        db.Campaigns.Remove(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}

internal sealed class PublishCampaignHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<PublishCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(PublishCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        campaign.Publish(await campaigns.TodayAsync(clock, cancellationToken), clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}

internal sealed class EndCampaignHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<EndCampaign, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(EndCampaign command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        campaign.End(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}

internal sealed class DrawCampaignWinnerHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<DrawCampaignWinner, CampaignDto>
{
    public async ValueTask<CampaignDto> Handle(DrawCampaignWinner command, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(command.Id, cancellationToken);
        var candidates = await db.CampaignEntries.Where(e => e.CampaignId == campaign.Id && !e.Disqualified).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            throw new ConflictException("There is no valid entry to draw from.");
        }

        campaign.RecordWinner(candidates[RandomNumberGenerator.GetInt32(candidates.Count)], clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return await campaigns.DtoAsync(campaign, cancellationToken);
    }
}

internal sealed class ListCampaignEntriesHandler(IAppDbContext db, CampaignQueries campaigns) : IQueryHandler<ListCampaignEntries, CampaignEntryPage>
{
    public async ValueTask<CampaignEntryPage> Handle(ListCampaignEntries query, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(query.Id, cancellationToken);
        var rows = db.CampaignEntries.AsNoTracking().Where(e => e.CampaignId == campaign.Id);
        var page = await rows.OrderBy(e => e.Id).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new CampaignEntryPage([.. page.Select(CampaignQueries.Dto)], await rows.CountAsync(cancellationToken), query.Page, query.PageSize);
    }
}

internal sealed class ExportCampaignEntriesHandler(IAppDbContext db, CampaignQueries campaigns) : IQueryHandler<ExportCampaignEntries, string>
{
    public async ValueTask<string> Handle(ExportCampaignEntries query, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.TrackedAsync(query.Id, cancellationToken);
        var csv = new StringBuilder("entry_id,email,telegram_username,social_links,disqualified,winner,created_at\r\n");
        foreach (var e in await db.CampaignEntries.AsNoTracking().Where(e => e.CampaignId == campaign.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken))
        {
            csv.AppendJoin(',', [
                e.Id.ToString(CultureInfo.InvariantCulture), Csv.Cell(e.Email), Csv.Cell(e.TelegramUsername ?? string.Empty),
                Csv.Cell(string.Join(' ', JsonSerializer.Deserialize<List<string>>(e.SocialLinks) ?? [])), e.Disqualified ? "true" : "false",
                campaign.WinnerEntryId == e.Id ? "true" : "false", e.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ]).Append("\r\n");
        }

        return csv.ToString();
    }
}

internal sealed class DisqualifyCampaignEntryHandler(IAppDbContext db) : ICommandHandler<DisqualifyCampaignEntry, CampaignEntryDto>
{
    public async ValueTask<CampaignEntryDto> Handle(DisqualifyCampaignEntry command, CancellationToken cancellationToken)
    {
        var entry = await db.CampaignEntries.SingleOrDefaultAsync(e => e.Id == command.EntryId && e.CampaignId == command.Id, cancellationToken)
                    ?? throw new NotFoundException("Entry", command.EntryId);
        entry.Disqualify();
        await db.SaveChangesAsync(cancellationToken);
        return CampaignQueries.Dto(entry);
    }
}

internal sealed class EnterCampaignHandler(IAppDbContext db, ITenantContext tenant, TimeProvider clock) : ICommandHandler<EnterCampaign, CampaignEntryReceipt>
{
    public async ValueTask<CampaignEntryReceipt> Handle(EnterCampaign command, CancellationToken cancellationToken)
    {
        tenant.Enter(command.TenantId);
        var campaign = await db.Campaigns.AsNoTracking().SingleOrDefaultAsync(c => c.Id == command.CampaignId, cancellationToken)
                       ?? throw new NotFoundException("Campaign", command.CampaignId);
        var email = command.Email.Trim().ToLowerInvariant();
        var entry = CampaignEntry.Enter(campaign, email, command.TelegramUsername, JsonSerializer.Serialize(command.SocialLinks ?? []), clock.GetUtcNow());
        if (!await db.CampaignEntries.AnyAsync(e => e.CampaignId == campaign.Id && e.Email == email, cancellationToken))
        {
            db.CampaignEntries.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CampaignEntryReceipt(campaign.Id, "Your entry is received. Good luck!");
    }
}

internal sealed class FollowCampaignDatesHandler(IAppDbContext db, CampaignQueries campaigns, TimeProvider clock) : ICommandHandler<FollowCampaignDates, int>
{
    public async ValueTask<int> Handle(FollowCampaignDates command, CancellationToken cancellationToken)
    {
        var today = await campaigns.TodayAsync(clock, cancellationToken);
        var moving = await db.Campaigns
            .Where(c => (c.Status == CampaignStatus.Draft && c.PublishedAt != null && c.StartDate <= today) || (c.Status == CampaignStatus.Active && c.EndDate < today))
            .ToListAsync(cancellationToken);
        foreach (var campaign in moving)
        {
            campaign.FollowDates(today, clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        return moving.Count;
    }
}

/// <summary>Every 15 minutes per tenant (so a campaign starts and ends within minutes of local midnight, and catches up after downtime).</summary>
internal sealed class CampaignDatesJob(ISender sender) : IScheduledJob
{
    public string Name => "campaign-dates";

    public bool PerTenant => true;

    public string? DueSlot(DateTimeOffset now, TimeZoneInfo zone) => Slots.Every(TimeSpan.FromMinutes(15), now);

    public async Task RunAsync(string slot, CancellationToken cancellationToken) => await sender.Send(new FollowCampaignDates(), cancellationToken);
}
