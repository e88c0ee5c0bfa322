using System.Security.Cryptography;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

/// <summary>Picks a winner uniformly at random (a cryptographic draw) among the entries not disqualified, and records it.</summary>
public sealed record DrawCampaignWinner(int Id) : ITenantCommand<CampaignDto>;

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
