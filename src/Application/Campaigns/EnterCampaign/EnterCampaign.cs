using System.Text.Json;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using PromoStack.Application.Common.Abstractions;
using PromoStack.Application.Common.Exceptions;
using PromoStack.Application.Common.Messaging;
using PromoStack.Domain.Campaigns;

namespace PromoStack.Application.Campaigns;

/// <summary>
/// A public entry (no sign-in): one per email per campaign, only while the campaign is active. A repeat gets the same
/// receipt as a first entry and changes nothing (the first entry stands), so the endpoint tells no one who entered.
/// </summary>
public sealed record EnterCampaign(int CampaignId, string Email, string? TelegramUsername, IReadOnlyList<string>? SocialLinks)
    : ITenantCommand<CampaignEntryReceipt>;

/// <summary>What the public entry answers, the same for a first entry and a repeat.</summary>
public sealed record CampaignEntryReceipt(int CampaignId, string Message);

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

internal sealed class EnterCampaignHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<EnterCampaign, CampaignEntryReceipt>
{
    public async ValueTask<CampaignEntryReceipt> Handle(EnterCampaign command, CancellationToken cancellationToken)
    {
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
