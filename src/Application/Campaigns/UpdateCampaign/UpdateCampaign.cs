using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;

namespace PromoStack.Application.Campaigns;

public sealed record UpdateCampaign(int Id, string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize) : ITenantCommand<CampaignDto>;

internal sealed class UpdateCampaignValidator : CampaignFieldsValidator<UpdateCampaign>
{
    public UpdateCampaignValidator() => Fields(c => c.Title, c => c.Description, c => c.StartDate, c => c.EndDate, c => c.Prize);
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
