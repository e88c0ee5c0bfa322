using Mediator;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

public sealed record CreateCampaign(string Title, string? Description, DateOnly StartDate, DateOnly EndDate, string? Prize) : ITenantCommand<CampaignDto>;

internal sealed class CreateCampaignValidator : CampaignFieldsValidator<CreateCampaign>
{
    public CreateCampaignValidator() => Fields(c => c.Title, c => c.Description, c => c.StartDate, c => c.EndDate, c => c.Prize);
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
